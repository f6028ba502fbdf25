using InterviewPortal.Web.Features.Candidates;
using InterviewPortal.Web.Features.Shared;
using InterviewPortal.Web.Infrastructure.Auth;
using InterviewPortal.Web.Infrastructure.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InterviewPortal.Web.Features.Colleges;

public static class CollegesApi
{
    public static IServiceCollection AddCollegeHandlers(this IServiceCollection services) =>
        services.AddScoped<SaveCollegeHandler>().AddScoped<AddMajorHandler>();

    public static RouteGroupBuilder MapCollegesApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/colleges").WithTags("Colleges").RequireAuthorization(Policies.Staff);
        group.MapGet("/", async (SaveCollegeHandler h, CancellationToken ct) => TypedResults.Ok(await h.ListAsync(ct)));
        group.MapGet("/{id:int}", async Task<Results<Ok<CollegeItem>, NotFound>> (int id, SaveCollegeHandler h, CancellationToken ct) =>
            await h.GetAsync(id, ct) is { } college ? TypedResults.Ok(college) : TypedResults.NotFound());
        group.MapPost("/", Create).Validate<CollegeInput>().RequireAuthorization(Policies.Admin)
            .Produces<CollegeItem>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPut("/{id:int}", Update).Validate<CollegeInput>().RequireAuthorization(Policies.Admin)
            .Produces<CollegeItem>().ProducesProblem(StatusCodes.Status409Conflict);
        group.MapDelete("/{id:int}", Delete).RequireAuthorization(Policies.Admin)
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/{id:int}/majors", async Task<Results<Ok<List<MajorItem>>, NotFound>> (int id, AddMajorHandler h, CancellationToken ct) =>
            await h.ListAsync(id, ct) is { } majors ? TypedResults.Ok(majors) : TypedResults.NotFound());
        group.MapPost("/{id:int}/majors", AddMajor).Validate<MajorInput>().RequireAuthorization(Policies.Admin)
            .Produces<MajorItem>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<IResult> Create(CollegeInput input, SaveCollegeHandler h, CancellationToken ct)
    {
        var result = await h.SaveAsync(null, input, ct);
        return result.Succeeded
            ? TypedResults.Created($"/api/v1/colleges/{result.Value}", await h.GetAsync(result.Value, ct))
            : result.ToProblem();
    }

    private static async Task<IResult> Update(int id, CollegeInput input, SaveCollegeHandler h, CancellationToken ct)
    {
        var result = await h.SaveAsync(id, input, ct);
        return result.Succeeded ? TypedResults.Ok(await h.GetAsync(id, ct)) : result.ToProblem();
    }

    private static async Task<IResult> Delete(int id, SaveCollegeHandler h, CancellationToken ct)
    {
        var result = await h.DeleteAsync(id, ct);
        return result.ToResult(_ => TypedResults.NoContent());
    }

    private static async Task<IResult> AddMajor(int id, MajorInput input, AddMajorHandler h, CancellationToken ct)
    {
        var result = await h.HandleAsync(id, input, ct);
        return result.ToResult(majorId => TypedResults.Created($"/api/v1/colleges/{id}/majors", new MajorItem(majorId, input.Code!.Trim(), input.Name!.Trim(), id)));
    }
}
