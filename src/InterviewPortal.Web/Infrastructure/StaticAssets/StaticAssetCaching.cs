using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.StaticFiles;

namespace InterviewPortal.Web.Infrastructure.StaticAssets;

/// <summary>
/// Long cache lifetimes for fingerprinted files. A page links its scripts and styles with <c>asp-append-version</c>,
/// which adds <c>?v=</c> and a hash of the file's bytes: that URL never names other bytes, so a browser may keep the
/// answer a year without asking again (<c>immutable</c>: not even on reload). On exam morning every candidate's first
/// visit then costs the node the page alone, and each later page of the visit no conditional requests either. Only a
/// hash that matches the file as it is now is marked so; any other URL (no version, an old or made-up one) keeps the
/// default answer, which browsers revalidate.
/// </summary>
public static class StaticAssetCaching
{
    public const string Immutable = "public, max-age=31536000, immutable";

    public static IApplicationBuilder UsePortalStaticFiles(this IApplicationBuilder app) =>
        app.UseStaticFiles(new StaticFileOptions { OnPrepareResponse = MarkFingerprinted });

    private static void MarkFingerprinted(StaticFileResponseContext context)
    {
        var http = context.Context;
        if (http.Request.Query["v"] is not [{ Length: > 0 } version])
            return;
        // The provider hashes each file once and watches it for changes (the same cache the tag helper uses).
        var versions = http.RequestServices.GetRequiredService<IFileVersionProvider>();
        var current = versions.AddFileVersionToPath(http.Request.PathBase, http.Request.Path);
        var at = current.IndexOf("?v=", StringComparison.Ordinal);
        if (at >= 0 && current.AsSpan(at + 3).SequenceEqual(version))
            http.Response.Headers.CacheControl = Immutable;
    }
}
