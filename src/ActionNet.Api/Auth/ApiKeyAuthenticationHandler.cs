using System.Security.Claims;
using System.Text.Encodings.Web;
using ActionNet.Storage.Keys;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace ActionNet.Api.Auth;

/// <summary>
/// Signs a request in with the API key in <c>Authorization: Bearer ank_...</c> (or <c>X-Api-Key</c>). Verified keys
/// are remembered for <see cref="CacheFor"/>, so a key revoked elsewhere stops working within that time (at once
/// when revoked through this host). The key never reaches a log: failures name only the key's id, and go to the
/// <see cref="AuthenticationFailureLog"/>, at most one line a minute (the base handler's line per request is off).
/// A key limited to cameras carries one <see cref="CameraAccess.ClaimType"/> claim per pattern.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    UrlEncoder encoder,
    ApiKeyStore keys,
    IMemoryCache cache,
    AuthenticationFailureLog failures) : AuthenticationHandler<AuthenticationSchemeOptions>(options, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance, encoder)
{
    /// <summary>The scheme's name.</summary>
    public const string SchemeName = "ApiKey";

    /// <summary>How long a verified key is trusted before it is checked against the store again.</summary>
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(10);

    /// <summary>Where a browser is asked for the key as a password (HTTP Basic): the Orleans Dashboard's pages.</summary>
    public const string BasicPathPrefix = "/dashboard";

    /// <summary>
    /// The key in a request, or null: the bearer token when it is an API key, else the password of HTTP Basic
    /// credentials (how a browser sends it to the dashboard), else <c>X-Api-Key</c>.
    /// </summary>
    public static string? KeyOf(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ank_", StringComparison.Ordinal))
        {
            return header["Bearer ".Length..].Trim();
        }

        if (header.StartsWith("Basic ", StringComparison.Ordinal) && BasicPassword(header["Basic ".Length..]) is { } password)
        {
            return password;
        }

        return request.Headers.TryGetValue("X-Api-Key", out var key) ? key.ToString().Trim() : null;
    }

    /// <summary>Forgets a key's cached verification (after it is revoked here).</summary>
    public static void Forget(IMemoryCache cache, string id)
    {
        ArgumentNullException.ThrowIfNull(cache);
        cache.Remove(CacheKey(id));
    }

    /// <inheritdoc/>
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (KeyOf(Request) is not { Length: > 0 } key)
        {
            return AuthenticateResult.NoResult();
        }

        if (ApiKeyStore.IdOf(key) is not { } id)
        {
            return Refuse("the API key is malformed: expected ank_<id>_<secret> as 'actionnet keys create' prints it");
        }

        var entry = cache.Get<(string Key, ApiKeyInfo Info)?>(CacheKey(id));
        var info = entry is { } cached && cached.Key == key ? cached.Info : null;
        if (info is null)
        {
            info = await keys.VerifyAsync(key, Context.RequestAborted);
            if (info is null)
            {
                return Refuse($"API key {id} is unknown or revoked");
            }

            cache.Set(CacheKey(id), ((string, ApiKeyInfo)?)(key, info), CacheFor);
        }

        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, info.Id),
                new Claim(ClaimTypes.Name, info.Name),
                new Claim(ClaimTypes.Role, info.Role.ToString().ToLowerInvariant()),
                .. info.Cameras.Select(pattern => new Claim(CameraAccess.ClaimType, pattern)),
            ],
            SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    /// <inheritdoc/>
    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        Response.Headers.WWWAuthenticate = Request.Path.StartsWithSegments(BasicPathPrefix, StringComparison.OrdinalIgnoreCase)
            ? "Basic realm=\"ActionNet (user: anything, password: an admin API key)\", charset=\"UTF-8\""
            : "Bearer";
        var detail = result.Failure?.Message ?? "authentication required: send Authorization: Bearer <api key> (actionnet keys create prints one)";
        await Results.Problem(detail: detail, statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized").ExecuteAsync(Context);
    }

    /// <inheritdoc/>
    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        var role = Context.User.FindFirst(ClaimTypes.Role)?.Value ?? "none";
        return Results.Problem(detail: $"role '{role}' may not do this: it needs a role above {role}", statusCode: StatusCodes.Status403Forbidden, title: "Forbidden").ExecuteAsync(Context);
    }

    private static string CacheKey(string id) => $"api-key:{id}";

    private AuthenticateResult Refuse(string reason)
    {
        failures.Refused(reason, Context.Connection.RemoteIpAddress?.ToString());
        return AuthenticateResult.Fail(reason);
    }

    private static string? BasicPassword(string encoded)
    {
        try
        {
            var text = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(encoded.Trim()));
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            return colon >= 0 && text.AsSpan(colon + 1).StartsWith("ank_", StringComparison.Ordinal) ? text[(colon + 1)..] : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
