using System.Security.Claims;
using ActionNet.Abstractions.Cameras;

namespace ActionNet.Api.Auth;

/// <summary>
/// The cameras the caller may see and control: its key's or token's camera scope (<see cref="ClaimType"/> claims; none
/// means every camera). Every route that names a camera checks it, every list is filtered by it. A camera outside the
/// scope is answered 403 whether it exists or not, so the answer tells nothing beyond the caller's own scope.
/// </summary>
public sealed class CameraAccess(CameraScope scope)
{
    /// <summary>The claim holding one camera id pattern of the caller's scope.</summary>
    public const string ClaimType = "actionnet:cameras";

    /// <summary>The caller's scope.</summary>
    public CameraScope Scope => scope;

    /// <summary>The access of <paramref name="user"/>.</summary>
    public static CameraAccess Of(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new CameraAccess(CameraScope.Of(user.FindAll(ClaimType).Select(c => c.Value), "the caller's cameras"));
    }

    /// <summary>Returns <paramref name="cameraId"/> when it is a legal id the caller may use.</summary>
    /// <exception cref="ArgumentException">The id breaks the camera id rules.</exception>
    /// <exception cref="ForbiddenRequestException">The camera is outside the caller's scope.</exception>
    public string Check(string? cameraId)
    {
        var id = CameraIds.Validate(cameraId);
        return scope.Allows(id) ? id : throw new ForbiddenRequestException($"this key may use only the cameras {scope}; '{id}' is not one of them");
    }

    /// <summary>Whether the caller may see <paramref name="cameraId"/>.</summary>
    public bool Sees(string cameraId) => scope.Allows(cameraId);

    /// <summary>Refuses a caller limited to some cameras: <paramref name="what"/> concerns every camera.</summary>
    /// <exception cref="ForbiddenRequestException">The caller's scope is not every camera.</exception>
    public void RequireEveryCamera(string what)
    {
        if (!scope.IsAll)
        {
            throw new ForbiddenRequestException($"this key may use only the cameras {scope}: {what} needs a key for every camera");
        }
    }
}
