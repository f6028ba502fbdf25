namespace InterviewPortal.Web.Features.Me;

/// <summary>
/// GET /api/v1/ping, the round-trip timer of the self-check page (Pages/Me/SelfCheck, wwwroot/js/selfcheck.js):
/// anonymous, so it times the network and not sign-in; no database, no session, nothing cached.
/// </summary>
public static class SelfCheckPing
{
    public static RouteGroupBuilder MapSelfCheckPing(this RouteGroupBuilder api)
    {
        api.MapGet("/ping", (HttpContext http) =>
        {
            http.Response.Headers.CacheControl = "no-store";
            return TypedResults.Text("pong");
        }).AllowAnonymous().Produces<string>(StatusCodes.Status200OK, "text/plain").WithTags("Me").WithSummary("A tiny answer for measuring round-trip time.");
        return api;
    }
}
