using InterviewPortal.Data.Interviews;
using InterviewPortal.Web.Features.Shared;
using InterviewPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InterviewPortal.Web.Features.Candidates;

public static class CandidatesApi
{
    public static IServiceCollection AddCandidateHandlers(this IServiceCollection services) =>
        services.AddScoped<ListCandidatesHandler>().AddScoped<GetCandidateHandler>();

    public static RouteGroupBuilder MapCandidatesApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/candidates").WithTags("Candidates").RequireAuthorization(Policies.Planner);
        group.MapGet("/", List);
        group.MapGet("/{id:int}", Get);
        return api;
    }

    private static async Task<Results<Ok<Paged<CandidateListItem>>, ValidationProblem>> List(
        int? collegeId, int? majorId, InterviewStatus? status, string? q, int? page, int? pageSize,
        ListCandidatesHandler handler, CancellationToken ct)
    {
        var paging = PageRequest.From(page, pageSize, out var errors);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);
        return TypedResults.Ok(await handler.HandleAsync(new CandidateListQuery(collegeId, majorId, status, q), paging, ct));
    }

    private static async Task<Results<Ok<CandidateRecord>, NotFound>> Get(int id, GetCandidateHandler handler, CancellationToken ct) =>
        await handler.HandleAsync(id, ct) is { } record ? TypedResults.Ok(record) : TypedResults.NotFound();
}
