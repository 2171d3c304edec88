using ActionNet.Storage.Keys;

namespace ActionNet.Api.Auth;

/// <summary>The authorization policies, one per role; a role's policy admits that role and those above it.</summary>
public static class ApiPolicies
{
    /// <summary>Reads: history, status, snapshots, alert rules and deliveries.</summary>
    public const string Viewer = "viewer";

    /// <summary>Manages cameras and alert rules.</summary>
    public const string Operator = "operator";

    /// <summary>Manages API keys.</summary>
    public const string Admin = "admin";

    /// <summary>The role names a policy admits.</summary>
    public static string[] RolesFor(ApiRole least) =>
        [.. Enum.GetValues<ApiRole>().Where(r => r >= least).Select(r => r.ToString().ToLowerInvariant())];
}
