using ActionNet.Api.Hosting;

namespace ActionNet.Api.OpenApi;

/// <summary>The names of the document's security schemes: what the API accepts, as <see cref="ApiDocumentTransformer"/> declares it.</summary>
public static class ApiSecuritySchemes
{
    /// <summary>An API key as a bearer token: <c>Authorization: Bearer ank_...</c>.</summary>
    public const string ApiKey = "apiKey";

    /// <summary>An API key in the <c>X-Api-Key</c> header.</summary>
    public const string ApiKeyHeader = "apiKeyHeader";

    /// <summary>A JWT bearer token from the site's identity provider, when <see cref="OidcOptions.Authority"/> is set.</summary>
    public const string Oidc = "oidc";

    /// <summary>The schemes a request may use with <paramref name="options"/>, each one enough on its own.</summary>
    public static string[] Accepted(ApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return string.IsNullOrWhiteSpace(options.Oidc.Authority) ? [ApiKey, ApiKeyHeader] : [ApiKey, ApiKeyHeader, Oidc];
    }
}
