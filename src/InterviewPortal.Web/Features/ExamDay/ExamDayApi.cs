using InterviewPortal.Data.Staff;
using InterviewPortal.Web.Features.Live;
using InterviewPortal.Web.Features.Shared;
using InterviewPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.SignalR;

namespace InterviewPortal.Web.Features.ExamDay;

public static class ExamDayApi
{
    public static IServiceCollection AddExamDay(this IServiceCollection services)
    {
        services.AddSignalR().AddJsonProtocol(o =>
            o.PayloadSerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        services.AddSingleton<ExamDayBroadcaster>().AddSingleton<CandidateLive>();
        return services.AddScoped<MoveInterviewHandler>().AddScoped<GetExamDayHandler>().AddScoped<GetUniversityBoardHandler>();
    }

    public static RouteGroupBuilder MapExamDayApi(this RouteGroupBuilder api)
    {
        var moves = api.MapGroup("/interviews").WithTags("Exam day").RequireAuthorization(Policies.Assistant);
        moves.MapPost("/{id:int}/room-scan-accepted", (int id, MoveInterviewHandler h, CancellationToken ct) => Move(id, LifecycleMove.RoomScanAccepted, h, ct))
            .Produces<InterviewView>().ProducesProblem(StatusCodes.Status409Conflict);
        moves.MapPost("/{id:int}/complete", (int id, MoveInterviewHandler h, CancellationToken ct) => Move(id, LifecycleMove.Complete, h, ct))
            .Produces<InterviewView>().ProducesProblem(StatusCodes.Status409Conflict);
        moves.MapPost("/{id:int}/absent", (int id, MoveInterviewHandler h, CancellationToken ct) => Move(id, LifecycleMove.Absent, h, ct))
            .Produces<InterviewView>().ProducesProblem(StatusCodes.Status409Conflict);
        moves.MapPost("/{id:int}/interrupt", (int id, MoveInterviewHandler h, CancellationToken ct) => Move(id, LifecycleMove.Interrupt, h, ct))
            .Produces<InterviewView>().ProducesProblem(StatusCodes.Status409Conflict);
        moves.MapPost("/{id:int}/end", (int id, MoveInterviewHandler h, CancellationToken ct) => Move(id, LifecycleMove.End, h, ct))
            .Produces<InterviewView>().ProducesProblem(StatusCodes.Status409Conflict);

        api.MapGet("/exam-day/console", Console).WithTags("Exam day").RequireAuthorization(Policies.Staff);
        api.MapGet("/colleges/{id:int}/exam-day", College).WithTags("Exam day").RequireAuthorization(Policies.Planner);
        return api;
    }

    public static void MapExamDayHub(this WebApplication app)
    {
        app.MapHub<ExamDayHub>(ExamDayHub.Path);
        app.MapHub<CandidateHub>(CandidateHub.Path);
    }

    private static async Task<IResult> Move(int id, LifecycleMove move, MoveInterviewHandler handler, CancellationToken ct) =>
        (await handler.HandleAsync(id, move, ct)).ToResult(TypedResults.Ok);

    private static async Task<Ok<ConsoleView>> Console(DateOnly? date, int? roomId, HttpContext http, GetExamDayHandler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.ConsoleAsync(date, roomId, http.User.IsInRole(StaffRoles.Assistant), ct));

    private static async Task<Results<Ok<CollegeExamDayView>, NotFound>> College(int id, GetExamDayHandler handler, CancellationToken ct) =>
        await handler.CollegeAsync(id, ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound();
}
