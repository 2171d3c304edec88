namespace ActionNet.Api.Hosting;

/// <summary>JWT bearer tokens from a site's identity provider (<c>ActionNet:Api:Oidc</c>).</summary>
public sealed class OidcOptions
{
    /// <summary><c>Authority</c>: the issuer URL; empty turns JWT sign-in off.</summary>
    public string Authority { get; set; } = "";

    /// <summary><c>Audience</c>: the audience tokens must carry.</summary>
    public string Audience { get; set; } = "";

    /// <summary><c>RoleClaim</c>: the claim holding viewer, operator or admin.</summary>
    public string RoleClaim { get; set; } = "roles";

    /// <summary>
    /// <c>CamerasClaim</c>: the claim holding the camera id patterns a user is limited to (<c>lobby-*</c>, <c>dock-1</c>; one
    /// comma-separated value or several values); a token without it may use every camera.
    /// </summary>
    public string CamerasClaim { get; set; } = "actionnet_cameras";

    /// <summary><c>RequireHttpsMetadata</c>: fetch the issuer's metadata over HTTPS only.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;
}
