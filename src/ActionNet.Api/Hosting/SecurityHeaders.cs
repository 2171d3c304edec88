namespace ActionNet.Api.Hosting;

/// <summary>
/// The headers every answer carries: the console's Content-Security-Policy (nothing from anywhere but this host, and no
/// framing: <c>frame-ancestors 'none'</c>), and the usual hardening headers. Sent as headers, where a browser enforces
/// all of them (a <c>meta</c> policy cannot forbid framing). The Orleans Dashboard's own pages are left without the
/// policy: they are that package's, and admins only.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>The console's policy.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; connect-src 'self'; img-src 'self' blob: data:; style-src 'self' 'unsafe-inline'; "
        + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>Adds the headers to every answer.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app, PathString dashboard)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            if (!context.Request.Path.StartsWithSegments(dashboard, StringComparison.OrdinalIgnoreCase))
            {
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
            }

            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Cross-Origin-Resource-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";
            return next(context);
        });
    }
}
