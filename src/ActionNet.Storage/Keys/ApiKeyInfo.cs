namespace ActionNet.Storage.Keys;

/// <summary>An API key as it is listed: never the key itself, which is shown once when created and stored only as a hash.</summary>
/// <param name="Id">The key's public id (12 hex digits), also its prefix after <c>ank_</c>.</param>
/// <param name="Name">A name for people.</param>
/// <param name="Role">What the key may do.</param>
/// <param name="CreatedAt">When it was created (UTC).</param>
/// <param name="RevokedAt">When it was revoked (UTC), or null while it works.</param>
/// <param name="Cameras">The camera id patterns the key is limited to (<see cref="Abstractions.Cameras.CameraScope"/>); empty for every camera.</param>
public sealed record ApiKeyInfo(string Id, string Name, ApiRole Role, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt, string[] Cameras);
