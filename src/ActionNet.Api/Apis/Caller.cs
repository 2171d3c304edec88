namespace ActionNet.Api.Apis;

/// <summary>Who is calling, as <c>GET /api/v1/me</c> answers.</summary>
/// <param name="Name">The key's name, or the token's subject.</param>
/// <param name="Role">viewer, operator or admin.</param>
/// <param name="KeyId">The API key's id; empty for a token.</param>
/// <param name="Cameras">The camera id patterns the caller is limited to; empty for every camera.</param>
public sealed record Caller(string Name, string Role, string KeyId, string[] Cameras);
