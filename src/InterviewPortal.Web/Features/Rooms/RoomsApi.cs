using InterviewPortal.Web.Features.Shared;
using InterviewPortal.Web.Infrastructure.Auth;
using InterviewPortal.Web.Infrastructure.Validation;

namespace InterviewPortal.Web.Features.Rooms;

public static class RoomsApi
{
    public static IServiceCollection AddRoomHandlers(this IServiceCollection services) =>
        services.AddScoped<ListRoomsHandler>().AddScoped<SaveRoomHandler>().AddScoped<DeleteRoomHandler>();

    public static RouteGroupBuilder MapRoomsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/rooms").WithTags("Rooms").RequireAuthorization(Policies.Planner);
        group.MapGet("/", List);
        group.MapGet("/{id:int}", Get);
        group.MapPost("/", Create).Validate<RoomRequest>();
        group.MapPut("/{id:int}", Update).Validate<RoomRequest>();
        group.MapDelete("/{id:int}", Delete);
        return api;
    }

    private static async Task<IResult> List(int? collegeId, int? page, int? pageSize, ListRoomsHandler handler, CancellationToken ct)
    {
        var paging = PageRequest.From(page, pageSize, out var errors);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors, title: "One or more fields are invalid.");
        return TypedResults.Ok(await handler.HandleAsync(collegeId, paging, ct));
    }

    private static async Task<IResult> Get(int id, ListRoomsHandler handler, CancellationToken ct) =>
        await handler.GetAsync(id, ct) is { } room ? TypedResults.Ok(room) : TypedResults.Problem(title: "Not found.", statusCode: 404);

    private static async Task<IResult> Create(RoomRequest request, SaveRoomHandler handler, CancellationToken ct) =>
        (await handler.HandleAsync(null, request, ct)).ToResult(r => TypedResults.Created($"/api/v1/rooms/{r.Id}", r));

    private static async Task<IResult> Update(int id, RoomRequest request, SaveRoomHandler handler, CancellationToken ct) =>
        (await handler.HandleAsync(id, request, ct)).ToResult(TypedResults.Ok);

    private static async Task<IResult> Delete(int id, DeleteRoomHandler handler, CancellationToken ct) =>
        (await handler.HandleAsync(id, ct)).ToResult(_ => TypedResults.NoContent());
}
