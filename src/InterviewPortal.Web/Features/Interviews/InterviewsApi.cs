using InterviewPortal.Data.Interviews;
using InterviewPortal.Web.Features.Shared;
using InterviewPortal.Web.Infrastructure.Auth;
using InterviewPortal.Web.Infrastructure.Localization;
using InterviewPortal.Web.Infrastructure.Validation;

namespace InterviewPortal.Web.Features.Interviews;

/// <summary>The planning side of interviews: list, book, reschedule, cancel, and auto-schedule into a room.</summary>
public static class InterviewsApi
{
    public static IServiceCollection AddInterviewPlanning(this IServiceCollection services) =>
        services.AddScoped<SlotGuard>().AddScoped<ListInterviewsHandler>().AddScoped<BookInterviewHandler>()
            .AddScoped<RescheduleInterviewHandler>().AddScoped<CancelInterviewHandler>().AddScoped<AutoScheduleHandler>()
            .AddScoped<ReadScheduleHandler>().AddScoped<ReadTimelineHandler>().AddScoped<ListUnscheduledHandler>();

    public static RouteGroupBuilder MapInterviewsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/interviews").WithTags("Interviews");
        group.MapGet("/", List).RequireAuthorization(Policies.Staff).Produces<Paged<InterviewItem>>();
        group.MapGet("/{id:int}", Get).RequireAuthorization(Policies.Staff).WithName("GetInterview").Produces<InterviewItem>();
        group.MapPost("/", Book).RequireAuthorization(Policies.Planner).Validate<InterviewRequest>()
            .Produces<InterviewItem>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPut("/{id:int}", Reschedule).RequireAuthorization(Policies.Planner).Validate<InterviewRequest>()
            .Produces<InterviewItem>().ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:int}/cancel", Cancel).RequireAuthorization(Policies.Planner)
            .Produces<InterviewItem>().ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/rooms/{id:int}/schedule", AutoSchedule).WithTags("Interviews")
            .RequireAuthorization(Policies.Planner).Validate<AutoScheduleRequest>()
            .Produces<IReadOnlyList<InterviewItem>>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<IResult> List(int? roomId, string? date, InterviewStatus? status, int? page, int? pageSize,
        ListInterviewsHandler handler, CancellationToken ct)
    {
        var paging = PageRequest.From(page, pageSize, out var errors);
        var day = InterviewListQuery.ParseDate(date, "date", errors);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors, title: Texts.Get("Exports.OneOrMoreFieldsAreInvalid"));
        return TypedResults.Ok(await handler.HandleAsync(new InterviewListQuery(roomId, day, status), paging, ct));
    }

    private static async Task<IResult> Get(int id, ListInterviewsHandler handler, CancellationToken ct) =>
        await handler.GetAsync(id, ct) is { } item ? TypedResults.Ok(item) : TypedResults.Problem(title: Texts.Get("Exports.NotFound"), statusCode: 404);

    private static async Task<IResult> Book(InterviewRequest request, BookInterviewHandler handler, CancellationToken ct) =>
        (await handler.HandleAsync(request, ct)).ToResult(i => TypedResults.Created($"/api/v1/interviews/{i.Id}", i));

    private static async Task<IResult> Reschedule(int id, InterviewRequest request, RescheduleInterviewHandler handler, CancellationToken ct) =>
        (await handler.HandleAsync(id, request, ct)).ToResult(TypedResults.Ok);

    private static async Task<IResult> Cancel(int id, CancelInterviewRequest? request, CancelInterviewHandler handler, CancellationToken ct) =>
        (await handler.HandleAsync(id, request?.Reason, ct)).ToResult(TypedResults.Ok);

    private static async Task<IResult> AutoSchedule(int id, AutoScheduleRequest request, AutoScheduleHandler handler, CancellationToken ct) =>
        (await handler.HandleAsync(id, request, ct)).ToResult(items => TypedResults.Created($"/api/v1/interviews?roomId={id}", items));
}
