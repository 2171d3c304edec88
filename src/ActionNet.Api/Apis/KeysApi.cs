using System.Security.Claims;
using ActionNet.Api.Auth;
using ActionNet.Storage.Keys;
using Microsoft.Extensions.Caching.Memory;

namespace ActionNet.Api.Apis;

/// <summary><c>/api/v1/keys</c> (admin) and <c>/api/v1/me</c> (anyone signed in).</summary>
public static class KeysApi
{
    /// <summary>Maps the routes.</summary>
    public static RouteGroupBuilder MapKeysApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/me", (ClaimsPrincipal user) => new
        {
            name = user.Identity?.Name ?? "",
            role = user.FindFirst(ClaimTypes.Role)?.Value ?? "",
            keyId = user.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? "",
        }).WithTags("Keys").RequireAuthorization(ApiPolicies.Viewer);

        var group = app.MapGroup("/keys").WithTags("Keys").RequireAuthorization(ApiPolicies.Admin);
        group.MapGet("/", (ApiKeyStore keys, CancellationToken cancellationToken) => keys.ListAsync(cancellationToken));
        group.MapPost("/", CreateAsync);
        group.MapDelete("/{id}", RevokeAsync);
        return group;
    }

    private static async Task<IResult> CreateAsync(KeyRequest request, ApiKeyStore keys, CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<ApiRole>(request.Role, ignoreCase: true, out var role) || !Enum.IsDefined(role) || int.TryParse(request.Role, out _))
        {
            throw new ArgumentException($"role '{Abstractions.Cameras.CameraInputRules.Quote(request.Role)}' is unknown: expected viewer, operator or admin");
        }

        var (info, key) = await keys.CreateAsync(role, request.Name ?? "", cancellationToken);
        return TypedResults.Created($"/api/v1/keys/{info.Id}", new CreatedKey(info.Id, key, role.ToString().ToLowerInvariant(), info.Name));
    }

    private static async Task<IResult> RevokeAsync(string id, ApiKeyStore keys, IMemoryCache cache, CancellationToken cancellationToken)
    {
        if (!await keys.RevokeAsync(id, cancellationToken))
        {
            return ApiProblems.NotFound($"key '{id}' does not exist; GET /api/v1/keys lists the keys");
        }

        ApiKeyAuthenticationHandler.Forget(cache, id);
        return TypedResults.NoContent();
    }
}
