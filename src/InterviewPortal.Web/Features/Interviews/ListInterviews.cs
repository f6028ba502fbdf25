using System.Globalization;
using InterviewPortal.Data;
using InterviewPortal.Data.Interviews;
using InterviewPortal.Web.Features.Shared;
using InterviewPortal.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.Web.Features.Interviews;

public sealed record InterviewListQuery(int? RoomId, DateOnly? Date, InterviewStatus? Status)
{
    /// <summary>Reads <c>date</c> as a Beijing calendar day, yyyy-MM-dd; a field error otherwise.</summary>
    public static DateOnly? ParseDate(string? text, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return day;
        errors[field] = [$"{field} must be a day as yyyy-MM-dd (Beijing time)."];
        return null;
    }
}

/// <summary>The scoped interview list, by start time: a room, a Beijing day, a status.</summary>
public sealed class ListInterviewsHandler(PortalDbContext db)
{
    public async Task<Paged<InterviewItem>> HandleAsync(InterviewListQuery query, PageRequest page, CancellationToken ct)
    {
        IQueryable<Interview> interviews = db.Interviews.AsNoTracking();
        if (query.RoomId is { } roomId)
            interviews = interviews.Where(i => i.ExamRoomId == roomId);
        if (query.Date is { } date)
        {
            var (from, to) = BeijingTime.DayRange(date);
            interviews = interviews.Where(i => i.StartsAt >= from && i.StartsAt < to);
        }
        if (query.Status is { } status)
            interviews = interviews.Where(i => i.Status == status);
        var result = await page.ApplyAsync(interviews.OrderBy(i => i.StartsAt).ThenBy(i => i.Id), rows => rows, ct);
        return new Paged<InterviewItem>(result.Items.Select(InterviewItem.From).ToList(), result.Total, result.Page, result.PageSize);
    }

    public async Task<InterviewItem?> GetAsync(int id, CancellationToken ct) =>
        await db.Interviews.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct) is { } interview ? InterviewItem.From(interview) : null;
}
