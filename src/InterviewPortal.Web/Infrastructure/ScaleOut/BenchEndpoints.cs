namespace InterviewPortal.Web.Infrastructure.ScaleOut;

/// <summary>
/// The yardstick for bench/run-candidate-page.sh: a tiny JSON answer through the same pipeline (routing,
/// authentication, logging) as the candidate page, with no database. Mapped only when Bench:Enabled is true.
/// </summary>
public static class BenchEndpoints
{
    public static void MapBenchEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/bench/bare", () => TypedResults.Ok(new BareAnswer("ok", 1)))
            .AllowAnonymous()
            .ExcludeFromDescription();

    public sealed record BareAnswer(string Status, int Value);
}
