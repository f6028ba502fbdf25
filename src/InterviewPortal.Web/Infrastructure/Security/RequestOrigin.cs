namespace InterviewPortal.Web.Infrastructure.Security;

/// <summary>
/// Where the browser says a request comes from, compared with this portal's own origin (the scheme, host and port the
/// request arrived on; behind the proxy the scheme is the forwarded one, so https://portal matches).
/// </summary>
public static class RequestOrigin
{
    /// <summary>
    /// Fetch metadata decides where the browser sends it: "same-origin", or "none" (the person typed or bookmarked
    /// it; no page was involved). "same-site" is refused on purpose: under edu.cn every subdomain is same-site.
    /// Without it (older browsers, scripts), an Origin naming another origin is refused. "Origin: null" and no Origin
    /// at all claim nothing: our Referrer-Policy (no-referrer) makes Chromium send "null" even for its own forms,
    /// and then the antiforgery token alone decides.
    /// </summary>
    public static bool IsOwn(HttpRequest request)
    {
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0)
            return site.Equals("same-origin", StringComparison.OrdinalIgnoreCase) || site.Equals("none", StringComparison.OrdinalIgnoreCase);
        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0 || origin == "null")
            return true;
        return Uri.TryCreate(origin, UriKind.Absolute, out var uri) && uri.AbsolutePath == "/" && IsSameOrigin(uri, request);
    }

    private static bool IsSameOrigin(Uri origin, HttpRequest request)
    {
        if (!string.Equals(origin.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase) || !request.Host.HasValue)
            return false;
        var ownPort = request.Host.Port ?? (request.IsHttps ? 443 : 80);
        return string.Equals(origin.IdnHost, new HostString(request.Host.Host).ToUriComponent(), StringComparison.OrdinalIgnoreCase)
            && origin.Port == ownPort;
    }
}
