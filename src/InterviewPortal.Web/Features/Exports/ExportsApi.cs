using InterviewPortal.Data;
using InterviewPortal.Web.Features.Interviews;
using InterviewPortal.Web.Infrastructure.Auth;
using InterviewPortal.Web.Infrastructure.Localization;
using InterviewPortal.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.Web.Features.Exports;

/// <summary>Schedule downloads: .xlsx per room and per college, .ics per room and per examiner; Beijing times; the caller's scope.</summary>
public static class ExportsApi
{
    public static RouteGroupBuilder MapExportsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/rooms/{id:int}/schedule.xlsx", RoomWorkbook).WithTags("Exports").RequireAuthorization(Policies.Staff).Produces<Stream>(StatusCodes.Status200OK, ScheduleWorkbook.ContentType);
        api.MapGet("/colleges/{id:int}/schedule.xlsx", CollegeWorkbook).WithTags("Exports").RequireAuthorization(Policies.Staff).Produces<Stream>(StatusCodes.Status200OK, ScheduleWorkbook.ContentType);
        api.MapGet("/rooms/{id:int}/schedule.ics", RoomCalendar).WithTags("Exports").RequireAuthorization(Policies.Staff).Produces<Stream>(StatusCodes.Status200OK, ScheduleCalendar.ContentType);
        api.MapGet("/rooms/{id:int}/examiners/{name}/schedule.ics", ExaminerCalendar).WithTags("Exports").RequireAuthorization(Policies.Staff).Produces<Stream>(StatusCodes.Status200OK, ScheduleCalendar.ContentType);
        return api;
    }

    private static async Task<IResult> RoomWorkbook(int id, string? from, string? to, ReadScheduleHandler handler, CancellationToken ct)
    {
        if (!TryRange(from, to, out var range, out var errors))
            return errors;
        var rooms = await handler.HandleAsync(id, null, range.From, range.To, includeCancelled: false, ct);
        if (rooms.Count == 0)
            return NotFound(Texts.Get("Exports.ExamRoomWasNotFound", id));
        return TypedResults.File(ScheduleWorkbook.Write(rooms), ScheduleWorkbook.ContentType, $"schedule-room-{id}.xlsx");
    }

    private static async Task<IResult> CollegeWorkbook(int id, string? from, string? to, PortalDbContext db, ReadScheduleHandler handler, CancellationToken ct)
    {
        if (!TryRange(from, to, out var range, out var errors))
            return errors;
        if (!db.Scope.Covers(id) || !await db.Colleges.AnyAsync(c => c.Id == id, ct))
            return NotFound(Texts.Get("Exports.CollegeWasNotFound", id));
        var rooms = await handler.HandleAsync(null, id, range.From, range.To, includeCancelled: false, ct);
        return TypedResults.File(ScheduleWorkbook.Write(rooms), ScheduleWorkbook.ContentType, $"schedule-college-{id}.xlsx");
    }

    private static async Task<IResult> RoomCalendar(int id, string? from, string? to, ReadScheduleHandler handler, TimeProvider clock, CancellationToken ct)
    {
        if (!TryRange(from, to, out var range, out var errors))
            return errors;
        var rooms = await handler.HandleAsync(id, null, range.From, range.To, includeCancelled: true, ct);
        if (rooms.Count == 0)
            return NotFound(Texts.Get("Exports.ExamRoomWasNotFound", id));
        var room = rooms[0];
        var ics = ScheduleCalendar.Write(room.RoomName, room.Rows.Select(r => (r, room.Examiners)), clock.GetUtcNow().UtcDateTime);
        return TypedResults.File(ics, ScheduleCalendar.ContentType, $"schedule-room-{id}.ics");
    }

    private static async Task<IResult> ExaminerCalendar(int id, string name, string? from, string? to, ReadScheduleHandler handler, TimeProvider clock, CancellationToken ct)
    {
        if (!TryRange(from, to, out var range, out var errors))
            return errors;
        var rooms = await handler.HandleAsync(id, null, range.From, range.To, includeCancelled: true, ct);
        if (rooms.Count == 0)
            return NotFound(Texts.Get("Exports.ExamRoomWasNotFound", id));
        var room = rooms[0];
        if (!room.Examiners.Contains(name.Trim()))
            return NotFound($"“{name}” is not an examiner of exam room “{room.RoomName}”.");
        var ics = ScheduleCalendar.Write($"{name.Trim()} · {room.RoomName}", room.Rows.Select(r => (r, room.Examiners)), clock.GetUtcNow().UtcDateTime);
        return TypedResults.File(ics, ScheduleCalendar.ContentType, $"schedule-room-{id}-examiner.ics");
    }

    private static IResult NotFound(string detail) => TypedResults.Problem(title: Texts.Get("Exports.NotFound"), detail: detail, statusCode: StatusCodes.Status404NotFound);

    /// <summary>from and to are Beijing days (yyyy-MM-dd), both included; either may be left out.</summary>
    private static bool TryRange(string? from, string? to, out (DateTime? From, DateTime? To) range, out IResult problem)
    {
        var errors = new Dictionary<string, string[]>();
        var fromDay = InterviewListQuery.ParseDate(from, "from", errors);
        var toDay = InterviewListQuery.ParseDate(to, "to", errors);
        if (fromDay is { } f && toDay is { } t && t < f)
            errors["to"] = [Texts.Get("Exports.ToMustNotBeBeforeFrom")];
        range = (fromDay is { } a ? BeijingTime.DayRange(a).From : null, toDay is { } b ? BeijingTime.DayRange(b).To : null);
        problem = TypedResults.ValidationProblem(errors, title: Texts.Get("Exports.OneOrMoreFieldsAreInvalid"));
        return errors.Count == 0;
    }
}
