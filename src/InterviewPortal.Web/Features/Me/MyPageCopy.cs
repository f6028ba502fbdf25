using System.Globalization;
using InterviewPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.OutputCaching;

namespace InterviewPortal.Web.Features.Me;

/// <summary>
/// The rendered "my interview" page kept beside the record copy (<see cref="MyRecordCache"/>), under the same rules:
/// the same window, and stale at once after any write on this node to what the page shows, because the copy's key
/// holds the record copy's generation (a page rendered while a write happened is stored under the old generation and
/// never served). A reload within the window skips the page's handler and its rendering, which cost more than the
/// record (the empty page /Me/Prepare already ran at 0.37 of the bare endpoint); authentication (with the session
/// stamp check), authorization and the rate limiter still run first, so a signed-out or changed-phone session is
/// refused as before.
/// Kept per candidate and language, and only a plain 200 without cookies: a view carrying an antiforgery token (the
/// page on the interview's day) is never kept, since the token belongs to one browser.
/// </summary>
public sealed class MyPageCopy(MyRecordCache records) : IOutputCachePolicy
{
    public const string PolicyName = "MyPage";

    /// <summary>The page's handler calls this when the view is for one browser only.</summary>
    public static void NotForOtherViews(HttpContext http)
    {
        if (http.Features.Get<IOutputCacheFeature>() is { } copy)
            copy.Context.AllowCacheStorage = false;
    }

    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var candidateId = http.User.FindFirst(PortalClaims.CandidateId)?.Value;
        var kept = records.Enabled && candidateId is not null && HttpMethods.IsGet(http.Request.Method);
        context.EnableOutputCaching = kept;
        context.AllowCacheLookup = kept;
        context.AllowCacheStorage = kept;
        context.AllowLocking = kept;
        if (kept)
        {
            context.ResponseExpirationTimeSpan = records.Window;
            context.CacheVaryByRules.QueryKeys = "*";
            context.CacheVaryByRules.VaryByValues["candidate"] = candidateId!;
            context.CacheVaryByRules.VaryByValues["culture"] = CultureInfo.CurrentUICulture.Name;
            context.CacheVaryByRules.VaryByValues["generation"] = records.Generation.ToString(CultureInfo.InvariantCulture);
        }
        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        // Besides the page's own word: the antiforgery service marks every view it minted a token for "no-cache, no-store".
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.SetCookie.Count > 0
            || response.Headers.CacheControl.ToString().Contains("no-store", StringComparison.OrdinalIgnoreCase))
            context.AllowCacheStorage = false;
        return ValueTask.CompletedTask;
    }
}
