namespace ActionNet.Api.Apis;

/// <summary>The body of <c>POST /api/v1/keys</c>.</summary>
/// <param name="Role">viewer, operator or admin.</param>
/// <param name="Name">A name for people, such as the tool or person using the key.</param>
/// <param name="Cameras">Camera id patterns (<c>lobby-*</c>, <c>dock-1</c>) the key is limited to; none (the default) for every camera. Not for admin keys.</param>
public sealed record KeyRequest(string? Role, string? Name, string[]? Cameras);
