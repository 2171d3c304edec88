namespace ActionNet.Api.Auth;

/// <summary>A request the caller's key may not make (a camera outside its scope); answered 403 with the message as the problem's detail.</summary>
public sealed class ForbiddenRequestException(string message) : Exception(message);
