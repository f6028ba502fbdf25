using InterviewPortal.Web.Features.Shared;
using InterviewPortal.Web.Infrastructure.Auth;
using InterviewPortal.Web.Infrastructure.Localization;
using InterviewPortal.Web.Infrastructure.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InterviewPortal.Web.Features.Rehearsals;

public static class RehearsalsApi
{
    public static IServiceCollection AddRehearsalHandlers(this IServiceCollection services) =>
        services.AddScoped<RecordRehearsalOutcomeHandler>().AddScoped<RehearsalGapsHandler>();

    public static RouteGroupBuilder MapRehearsalsApi(this RouteGroupBuilder api)
    {
        api.MapPost("/interviews/{id:int}/rehearsal-outcome", RecordOutcome).WithTags("Rehearsals")
            .Validate<RehearsalOutcomeRequest>().RequireAuthorization(Policies.Assistant)
            .Produces<RehearsalOutcomeRecord>().ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("The assistant records a rehearsal's outcome; refused (409) on an exam interview.");
        api.MapGet("/rehearsals/gaps", Gaps).WithTags("Rehearsals").RequireAuthorization(Policies.Planner)
            .WithSummary("Candidates whose rehearsal is missing, not yet assessed or failed before a date (yyyy-MM-dd, Beijing).");
        return api;
    }

    private static async Task<IResult> RecordOutcome(
        int id, RehearsalOutcomeRequest request, RecordRehearsalOutcomeHandler handler, CancellationToken ct) =>
        (await handler.HandleAsync(id, request, ct)).ToResult(TypedResults.Ok);

    private static async Task<Results<Ok<Paged<RehearsalGapItem>>, ValidationProblem>> Gaps(
        string? before, int? collegeId, int? page, int? pageSize, RehearsalGapsHandler handler, CancellationToken ct)
    {
        var paging = PageRequest.From(page, pageSize, out var errors);
        if (!RehearsalGapsHandler.TryParseDate(before, out var date))
            errors["before"] = [Texts.Get("Rehearsals.BeforeMustBeADateAs")];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);
        return TypedResults.Ok(await handler.HandleAsync(date, collegeId, paging, ct));
    }
}
