using InterviewPortal.Web.Features.Shared;
using InterviewPortal.Web.Infrastructure.Auth;
using InterviewPortal.Web.Infrastructure.Localization;
using InterviewPortal.Web.Infrastructure.Validation;

namespace InterviewPortal.Web.Features.Rooms;

public static class RoomsApi
{
    public static IServiceCollection AddRoomHandlers(this IServiceCollection services)
    {
        services.AddOptions<MeetingTroubleOptions>().BindConfiguration("Meetings");
        return services.AddScoped<ListRoomsHandler>().AddScoped<SaveRoomHandler>().AddScoped<DeleteRoomHandler>()
            .AddScoped<SwitchMeetingPlatformHandler>().AddScoped<GetRoomPlatformHandler>().AddScoped<BackupMeeting>().AddScoped<MeetingFailures>();
    }

    public static RouteGroupBuilder MapRoomsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/rooms").WithTags("Rooms").RequireAuthorization(Policies.Planner);
        group.MapGet("/", List).Produces<Paged<RoomRecord>>();
        group.MapGet("/{id:int}", Get).Produces<RoomRecord>();
        group.MapPost("/", Create).Validate<RoomRequest>().Produces<RoomRecord>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPut("/{id:int}", Update).Validate<RoomRequest>().Produces<RoomRecord>().ProducesProblem(StatusCodes.Status409Conflict);
        group.MapDelete("/{id:int}", Delete).Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status409Conflict);
        // On exam day, not planning: the room's assistant may switch too (the scope still limits whom to their rooms).
        api.MapPost("/rooms/{id:int}/meeting-platform", SwitchPlatform).WithTags("Rooms").RequireAuthorization(Policies.Staff)
            .Validate<SwitchPlatformRequest>()
            .WithSummary("Switch the room's session to the backup meeting platform or back")
            .Produces<RoomPlatform>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/rooms/{id:int}/meeting-platform", GetPlatform).WithTags("Rooms").RequireAuthorization(Policies.Staff)
            .WithSummary("Where the room's session runs today, the failed meeting calls in a row and whether to suggest the switch")
            .Produces<RoomSessionView>().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/rooms/{id:int}/waiting-room", Waiting).WithTags("Rooms").RequireAuthorization(Policies.Staff)
            .WithSummary("Who waits in the room's backup meeting (display name, join time)")
            .Produces<IReadOnlyList<WaitingView>>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<IResult> List(int? collegeId, int? page, int? pageSize, ListRoomsHandler handler, CancellationToken ct)
    {
        var paging = PageRequest.From(page, pageSize, out var errors);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors, title: Texts.Get("Exports.OneOrMoreFieldsAreInvalid"));
        return TypedResults.Ok(await handler.HandleAsync(collegeId, paging, ct));
    }

    private static async Task<IResult> Get(int id, ListRoomsHandler handler, CancellationToken ct) =>
        await handler.GetAsync(id, ct) is { } room ? TypedResults.Ok(room) : TypedResults.Problem(title: Texts.Get("Exports.NotFound"), statusCode: 404);

    private static async Task<IResult> Create(RoomRequest request, SaveRoomHandler handler, CancellationToken ct) =>
        (await handler.HandleAsync(null, request, ct)).ToResult(r => TypedResults.Created($"/api/v1/rooms/{r.Id}", r));

    private static async Task<IResult> Update(int id, RoomRequest request, SaveRoomHandler handler, CancellationToken ct) =>
        (await handler.HandleAsync(id, request, ct)).ToResult(TypedResults.Ok);

    private static async Task<IResult> SwitchPlatform(int id, SwitchPlatformRequest request, SwitchMeetingPlatformHandler handler, CancellationToken ct) =>
        (await handler.HandleAsync(id, request, ct)).ToResult(TypedResults.Ok);

    private static async Task<IResult> GetPlatform(int id, GetRoomPlatformHandler handler, CancellationToken ct) =>
        (await handler.HandleAsync(id, ct)).ToResult(TypedResults.Ok);

    private static async Task<IResult> Waiting(int id, GetRoomPlatformHandler handler, CancellationToken ct) =>
        (await handler.WaitingAsync(id, ct)).ToResult(TypedResults.Ok);

    private static async Task<IResult> Delete(int id, DeleteRoomHandler handler, CancellationToken ct) =>
        (await handler.HandleAsync(id, ct)).ToResult(_ => TypedResults.NoContent());
}
