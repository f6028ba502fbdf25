using InterviewPortal.Data.Interviews;
using InterviewPortal.Web.Features.Shared;
using InterviewPortal.Web.Infrastructure.Auth;
using InterviewPortal.Web.Infrastructure.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InterviewPortal.Web.Features.Candidates;

public static class CandidatesApi
{
    public static IServiceCollection AddCandidateHandlers(this IServiceCollection services) =>
        services.AddScoped<ListCandidatesHandler>().AddScoped<GetCandidateHandler>()
            .AddScoped<SaveCandidateHandler>().AddScoped<DeleteCandidateHandler>();

    public static RouteGroupBuilder MapCandidatesApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/candidates").WithTags("Candidates").RequireAuthorization(Policies.Planner);
        group.MapGet("/", List);
        group.MapGet("/{id:int}", Get);
        group.MapPost("/", Create).Validate<CandidateInput>().Produces<CandidateRecord>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPut("/{id:int}", Update).Validate<CandidateInput>().Produces<CandidateRecord>().ProducesProblem(StatusCodes.Status409Conflict);
        group.MapDelete("/{id:int}", Delete).Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status409Conflict);
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
        await handler.ReadAsync(id, FullRecordReads.Api, ct) is { } record ? TypedResults.Ok(record) : TypedResults.NotFound();

    private static async Task<IResult> Create(CandidateInput input, SaveCandidateHandler handler, GetCandidateHandler get, CancellationToken ct)
    {
        var result = await handler.CreateAsync(input, ct);
        if (!result.Succeeded)
            return result.ToProblem();
        return TypedResults.Created($"/api/v1/candidates/{result.Value}", await get.ReadAsync(result.Value, FullRecordReads.ApiCreated, ct));
    }

    private static async Task<IResult> Update(int id, CandidateInput input, SaveCandidateHandler handler, GetCandidateHandler get, CancellationToken ct)
    {
        var result = await handler.UpdateAsync(id, input, ct);
        return result.Succeeded ? TypedResults.Ok(await get.ReadAsync(id, FullRecordReads.ApiUpdated, ct)) : result.ToProblem();
    }

    private static async Task<IResult> Delete(int id, DeleteCandidateHandler handler, CancellationToken ct)
    {
        var result = await handler.HandleAsync(id, ct);
        return result.ToResult(_ => TypedResults.NoContent());
    }
}
