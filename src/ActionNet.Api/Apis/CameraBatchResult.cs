namespace ActionNet.Api.Apis;

/// <summary>
/// One camera's outcome in a batch registration (<c>PUT /api/v1/cameras</c>): the status its own <c>PUT</c> would have
/// answered (201 registered, 200 replaced, 400 refused, 403 outside the key's cameras) and, when refused, why in one line.
/// </summary>
/// <param name="Id">The camera id.</param>
/// <param name="Status">201, 200, 400 or 403.</param>
/// <param name="Detail">Why the camera was refused; null when it was registered.</param>
public sealed record CameraBatchResult(string Id, int Status, string? Detail);
