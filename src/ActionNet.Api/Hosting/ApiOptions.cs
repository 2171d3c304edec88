namespace ActionNet.Api.Hosting;

/// <summary>
/// The API host's settings, bound from <see cref="SectionName"/> (environment: <c>ActionNet__Api__Gateways=...</c>).
/// The storage account (API keys) is <c>ConnectionStrings:Storage</c>, as on the silos.
/// </summary>
public sealed class ApiOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "ActionNet:Api";

    /// <summary><c>Clustering</c>: localhost (static <see cref="Gateways"/>) or azuretable (the storage account's membership table).</summary>
    public string Clustering { get; set; } = "localhost";

    /// <summary><c>Gateways</c>: silo gateways, comma-separated host:port, for localhost clustering.</summary>
    public string Gateways { get; set; } = "127.0.0.1:30000";

    /// <summary><c>ClusterId</c>: the Orleans cluster id the silos use.</summary>
    public string ClusterId { get; set; } = "actionnet";

    /// <summary><c>ServiceId</c>: the Orleans service id the silos use.</summary>
    public string ServiceId { get; set; } = "actionnet";

    /// <summary><c>RequestsPerSecond</c>: sustained requests a second allowed per API key (or per address before sign-in).</summary>
    public int RequestsPerSecond { get; set; } = 50;

    /// <summary><c>Burst</c>: requests a key may make at once above the sustained rate.</summary>
    public int Burst { get; set; } = 200;

    /// <summary><c>CorsOrigins</c>: browser origins allowed to call the API from other sites; empty (the default) allows none.</summary>
    public string[] CorsOrigins { get; set; } = [];

    /// <summary><c>Oidc</c>: an identity provider whose JWT bearer tokens are accepted beside API keys; off when its authority is empty.</summary>
    public OidcOptions Oidc { get; set; } = new();

    /// <summary>Problems, one line each naming the key; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!Clustering.Equals("localhost", StringComparison.OrdinalIgnoreCase) && !Clustering.Equals("azuretable", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add($"{SectionName}:{nameof(Clustering)} is '{Clustering}'; expected localhost or azuretable");
        }

        if (RequestsPerSecond < 1)
        {
            errors.Add($"{SectionName}:{nameof(RequestsPerSecond)} is {RequestsPerSecond}; expected 1 or more");
        }

        if (Burst < 1)
        {
            errors.Add($"{SectionName}:{nameof(Burst)} is {Burst}; expected 1 or more");
        }

        if (CorsOrigins.FirstOrDefault(o => !Uri.TryCreate(o, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")) is { } origin)
        {
            errors.Add($"{SectionName}:{nameof(CorsOrigins)} holds '{origin}'; expected origins such as https://ops.example.com");
        }

        if (!string.IsNullOrWhiteSpace(Oidc.Authority) && string.IsNullOrWhiteSpace(Oidc.Audience))
        {
            errors.Add($"{SectionName}:Oidc:Audience is empty while Oidc:Authority is set; expected the API's audience");
        }

        return errors;
    }
}
