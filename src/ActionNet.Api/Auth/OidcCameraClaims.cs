using System.Security.Claims;
using ActionNet.Abstractions.Cameras;
using ActionNet.Api.Hosting;
using ActionNet.Storage.Keys;
using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace ActionNet.Api.Auth;

/// <summary>
/// Maps a validated OIDC token onto the API's claims: its <see cref="OidcOptions.CamerasClaim"/> values (camera id
/// patterns, as one comma-separated text or several values) become <see cref="CameraAccess.ClaimType"/> claims, as an
/// API key's cameras do; no such claim means every camera. A malformed pattern, or cameras on an admin, fails sign-in
/// (401) with the reason, never a wider scope than the token says.
/// </summary>
public static class OidcCameraClaims
{
    /// <summary>The <see cref="JwtBearerEvents.OnTokenValidated"/> handler for <paramref name="oidc"/>.</summary>
    public static Func<TokenValidatedContext, Task> For(OidcOptions oidc)
    {
        ArgumentNullException.ThrowIfNull(oidc);
        return context =>
        {
            if (context.Principal?.Identity is not ClaimsIdentity identity)
            {
                return Task.CompletedTask;
            }

            try
            {
                var patterns = identity.FindAll(oidc.CamerasClaim).SelectMany(c => c.Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
                var scope = CameraScope.Of(patterns, $"the token's {oidc.CamerasClaim} claim");
                if (!scope.IsAll && identity.FindAll(identity.RoleClaimType).Any(r => string.Equals(r.Value, nameof(ApiRole.Admin), StringComparison.OrdinalIgnoreCase)))
                {
                    throw new ArgumentException($"the token's {oidc.CamerasClaim} claim limits an admin to cameras ({scope}); admins manage keys, so an admin token must not carry it");
                }

                identity.AddClaims(scope.Patterns.Select(p => new Claim(CameraAccess.ClaimType, p)));
            }
            catch (ArgumentException e)
            {
                context.Fail(e.Message);
            }

            return Task.CompletedTask;
        };
    }
}
