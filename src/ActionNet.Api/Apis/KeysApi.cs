using System.Security.Claims;
using ActionNet.Abstractions.Cameras;
using ActionNet.Api.Auth;
using ActionNet.Storage.Keys;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Caching.Memory;

namespace ActionNet.Api.Apis;

/// <summary><c>/api/v1/keys</c> (admin) and <c>/api/v1/me</c> (anyone signed in).</summary>
public static class KeysApi
{
    /// <summary>The routes' tag.</summary>
    public static readonly ApiTag Tag = new("Keys", "Who is calling, and the API keys: create (shown once), list and revoke; keys may be limited to cameras.");

    /// <summary>Maps the routes.</summary>
    public static RouteGroupBuilder MapKeysApi(this IEndpointRouteBuilder app)
    {
        var me = Tag.Group(app, "/me").RequireAuthorization(ApiPolicies.Viewer);
        // A token names its role and subject with its own claim types (ActionNet:Api:Oidc:RoleClaim, sub), a key with .NET's.
        me.MapGet("", (ClaimsPrincipal user, CameraAccess access) => TypedResults.Ok(new Caller(
                user.Identity?.Name ?? user.FindFirst("sub")?.Value ?? "",
                user.FindFirst((user.Identity as ClaimsIdentity)?.RoleClaimType ?? ClaimTypes.Role)?.Value ?? "",
                user.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? "",
                [.. access.Scope.Patterns])))
            .WithName("GetCaller").WithSummary("The caller's name, role, key id and cameras");

        var group = Tag.Group(app, "/keys").RequireAuthorization(ApiPolicies.Admin);
        group.MapGet("/", async (ApiKeyStore keys, CancellationToken cancellationToken) => TypedResults.Ok(await keys.ListAsync(cancellationToken)))
            .WithName("ListKeys").WithSummary("Every key, newest first, revoked ones included (never the keys themselves)");
        group.MapPost("/", CreateAsync).WithName("CreateKey").WithSummary("Create a key; the answer is the only time the key is shown");
        group.MapDelete("/{id}", RevokeAsync).ProducesProblem(StatusCodes.Status404NotFound).WithName("RevokeKey").WithSummary("Revoke a key; it stops working at once on this host, within 10 s on others");
        return group;
    }

    private static async Task<Created<CreatedKey>> CreateAsync(KeyRequest request, ApiKeyStore keys, CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<ApiRole>(request.Role, ignoreCase: true, out var role) || !Enum.IsDefined(role) || int.TryParse(request.Role, out _))
        {
            throw new ArgumentException($"role '{CameraInputRules.Quote(request.Role)}' is unknown: expected viewer, operator or admin");
        }

        var cameras = CameraScope.Of(request.Cameras ?? [], "cameras");
        var (info, key) = await keys.CreateAsync(role, request.Name ?? "", cameras, cancellationToken);
        return TypedResults.Created($"/api/v1/keys/{info.Id}", new CreatedKey(info.Id, key, role.ToString().ToLowerInvariant(), info.Name, info.Cameras));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(string id, ApiKeyStore keys, IMemoryCache cache, CancellationToken cancellationToken)
    {
        if (!await keys.RevokeAsync(id, cancellationToken))
        {
            return ApiProblems.NotFound($"key '{id}' does not exist; GET /api/v1/keys lists the keys");
        }

        ApiKeyAuthenticationHandler.Forget(cache, id);
        return TypedResults.NoContent();
    }
}
