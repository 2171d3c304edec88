namespace ActionNet.Api.Hosting;

/// <summary>JWT bearer tokens from a site's identity provider (<c>ActionNet:Api:Oidc</c>).</summary>
public sealed class OidcOptions
{
    /// <summary><c>Authority</c>: the issuer URL; empty turns JWT sign-in off.</summary>
    public string Authority { get; set; } = "";

    /// <summary><c>Audience</c>: the audience tokens must carry.</summary>
    public string Audience { get; set; } = "";

    /// <summary><c>RoleClaim</c>: the claim holding viewer, operator or admin.</summary>
    public string RoleClaim { get; set; } = "roles";

    /// <summary><c>RequireHttpsMetadata</c>: fetch the issuer's metadata over HTTPS only.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;
}
