using InterviewPortal.Web.Infrastructure.Auth;
using InterviewPortal.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Diagnostics;

namespace InterviewPortal.Web.Infrastructure.Security;

/// <summary>
/// The one place that refuses cross-site writes, for pages, every /api route and the SignalR hubs alike. It runs
/// after authentication (the antiforgery token is bound to the signed-in user) and before any endpoint, so a refused
/// request changes nothing. Endpoint filters or attributes would each need remembering on every new route; here a
/// new route is covered the day it is mapped.
/// <para>
/// Only requests a browser could send on a victim's behalf are checked: those that carry a portal session cookie
/// and no bearer token. A bearer token is never sent by a browser on its own, and a cross-site page cannot add an
/// Authorization header without a CORS preflight (none is allowed), so API clients need no token. Requests without
/// a session cookie (sign-in) hold no authority to misuse; Razor Pages still check their own forms' tokens.
/// </para>
/// <para>
/// <c>edu.cn</c> is a public suffix, so every <c>*.xxx.edu.cn</c> site of the university is same-site: SameSite
/// cookies alone do not stop a club's subdomain. Hence two checks: where the browser says where the request comes
/// from (Sec-Fetch-Site, else Origin), it must be this origin, else 403; and an unsafe method must carry the
/// antiforgery token (header RequestVerificationToken, which page scripts send, or the form field), else 400.
/// Hub requests are origin-checked on every method, so the WebSocket upgrade (a GET) cannot be opened from another
/// origin with the assistant's cookie either.
/// </para>
/// </summary>
public sealed class CrossSiteWriteGuard(RequestDelegate next, IAntiforgery antiforgery, IProblemDetailsService problems, ILogger<CrossSiteWriteGuard> logger)
{
    /// <summary>
    /// Sign-out takes no token (the button in every page's header would otherwise mint one on every page view, the
    /// candidate's pages included), but it is origin-checked like every other write: from another site, even a
    /// same-site subdomain, it is refused. Its worst misuse is signing somebody out.
    /// </summary>
    public const string SignOutPath = "/Account/Logout";

    public static string ForeignOriginTitle => Texts.Get("Security.TheRequestDidNotComeFrom");
    public static string MissingTokenTitle => Texts.Get("Security.TheAntiforgeryTokenIsMissingOr");

    public async Task InvokeAsync(HttpContext http)
    {
        var request = http.Request;
        var write = !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method) || HttpMethods.IsTrace(request.Method));
        var hub = request.Path.StartsWithSegments("/hubs");
        if ((!write && !hub) || !CarriesSessionCookie(request) || IsReExecution(http))
        {
            await next(http);
            return;
        }
        if (!RequestOrigin.IsOwn(request))
        {
            logger.LogWarning("Refused a cookie-authenticated {Method} {Path}: it came from another origin", request.Method, request.Path);
            await RefuseAsync(http, StatusCodes.Status403Forbidden, ForeignOriginTitle,
                "A request from another site or subdomain cannot use a portal session.");
            return;
        }
        if (write && !request.Path.StartsWithSegments(SignOutPath))
        {
            try
            {
                await antiforgery.ValidateRequestAsync(http);
            }
            catch (AntiforgeryValidationException)
            {
                logger.LogWarning("Refused a cookie-authenticated {Method} {Path}: no valid antiforgery token", request.Method, request.Path);
                await RefuseAsync(http, StatusCodes.Status400BadRequest, MissingTokenTitle,
                    "With a session cookie, send the page's token in the RequestVerificationToken header or the __RequestVerificationToken field; API clients use a bearer token instead.");
                return;
            }
        }
        await next(http);
    }

    /// <summary>What the Portal scheme would authenticate by a cookie: a session cookie and no bearer token (see AuthSetup.SelectScheme).</summary>
    private static bool CarriesSessionCookie(HttpRequest request) =>
        !request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
        && (request.Cookies.ContainsKey(AuthSchemes.StaffCookieName) || request.Cookies.ContainsKey(AuthSchemes.CandidateCookieName));

    /// <summary>The error page re-run for a status code or an exception: the request itself was judged on its way in.</summary>
    private static bool IsReExecution(HttpContext http) =>
        http.Features.Get<IStatusCodeReExecuteFeature>() is not null || http.Features.Get<IExceptionHandlerFeature>() is not null;

    /// <summary>Problem details where callers read JSON (the API and the hubs); a bare status for pages, which the error page then explains.</summary>
    private async Task RefuseAsync(HttpContext http, int status, string title, string detail)
    {
        http.Response.StatusCode = status;
        if (!http.Request.Path.StartsWithSegments("/api") && !http.Request.Path.StartsWithSegments("/hubs"))
            return;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }
}
