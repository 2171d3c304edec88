namespace ActionNet.Api.Apis;

/// <summary>A key just created: the only time <paramref name="Key"/> is shown.</summary>
/// <param name="Id">The key's id.</param>
/// <param name="Key">The key to send as <c>Authorization: Bearer</c>.</param>
/// <param name="Role">Its role.</param>
/// <param name="Name">Its name.</param>
/// <param name="Cameras">The camera id patterns it is limited to; empty for every camera.</param>
public sealed record CreatedKey(string Id, string Key, string Role, string Name, string[] Cameras);
