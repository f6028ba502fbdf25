namespace InterviewPortal.Web.Infrastructure.Security;

/// <summary>
/// The response headers every page and API answer carries. The portal's own pages run no inline script and
/// no style attributes, so the policy allows only files from this origin; Swagger UI (same-origin scripts,
/// but style attributes and data: icons) gets a slightly wider style and image policy on /swagger only.
/// connect-src 'self' (CSP Level 3) also covers ws:/wss: to this same host, which is all the live pages' SignalR
/// needs; "ws: wss:" allowed a script to open a socket to any host.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; media-src 'self' blob:; "
        + "connect-src 'self'; font-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

    public const string SwaggerContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        + "connect-src 'self'; font-src 'self' data:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

    /// <summary>The self-check page uses the camera and microphone of this origin; nothing else may.</summary>
    public const string PermissionsPolicy =
        "camera=(self), microphone=(self), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), display-capture=()";

    public static void Apply(HttpContext http)
    {
        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = http.Request.Path.StartsWithSegments("/swagger") ? SwaggerContentSecurityPolicy : ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Permissions-Policy"] = PermissionsPolicy;
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["X-Permitted-Cross-Domain-Policies"] = "none";
        // API answers and signed-in pages carry personal data: no shared cache may keep them.
        if (http.Request.Path.StartsWithSegments("/api") && !headers.ContainsKey("Cache-Control"))
            headers.CacheControl = "no-store";
    }
}
