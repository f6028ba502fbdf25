using System.Globalization;
using InterviewPortal.Data;
using InterviewPortal.Data.Interviews;
using InterviewPortal.Web.Features.Shared;
using InterviewPortal.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.Web.Features.Rehearsals;

public enum RehearsalGap
{
    /// <summary>No rehearsal booked before the date.</summary>
    Missing,

    /// <summary>Booked, but no outcome recorded yet (not held, or the assistant has not recorded it).</summary>
    NoOutcome,

    /// <summary>The latest rehearsal before the date found a device or network problem.</summary>
    Failed,
}

public sealed record RehearsalGapItem(int CandidateId, string ExamNumber, string Name, int CollegeId, string MajorCode, RehearsalGap Gap,
    int? RehearsalId, DateTime? RehearsalStartsAt, DateTimeOffset? RehearsalStartsAtLocal, RehearsalOutcome? Outcome, string? Note);

/// <summary>Candidates in scope with no passed rehearsal starting before a Beijing calendar date (the secretary picks it).</summary>
public sealed class RehearsalGapsHandler(PortalDbContext db)
{
    public const string DateFormat = "yyyy-MM-dd";

    public static bool TryParseDate(string? value, out DateOnly date) =>
        DateOnly.TryParseExact(value, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    public async Task<Paged<RehearsalGapItem>> HandleAsync(DateOnly before, int? collegeId, PageRequest page, CancellationToken ct)
    {
        var until = BeijingTime.DayRange(before).From;
        var candidates = db.Candidates.AsNoTracking();
        if (collegeId is { } id)
            candidates = candidates.Where(c => c.CollegeId == id);
        candidates = candidates.Where(c => !c.Interviews.Any(i => i.Kind == InterviewKind.Rehearsal && i.Status != InterviewStatus.Cancelled
                                                                 && i.StartsAt < until && i.RehearsalOutcome == RehearsalOutcome.Passed));

        var result = await page.ApplyAsync(candidates.OrderBy(c => c.ExamNumber), rows => rows.Select(c => new
        {
            c.Id, c.ExamNumber, c.Name, c.CollegeId, MajorCode = c.Major.Code,
            Latest = c.Interviews
                .Where(i => i.Kind == InterviewKind.Rehearsal && i.Status != InterviewStatus.Cancelled && i.StartsAt < until)
                .OrderByDescending(i => i.StartsAt)
                .Select(i => new { i.Id, i.StartsAt, i.RehearsalOutcome, i.RehearsalNote })
                .FirstOrDefault(),
        }), ct);

        var items = result.Items.Select(c =>
        {
            if (c.Latest is null)
                return new RehearsalGapItem(c.Id, c.ExamNumber, c.Name, c.CollegeId, c.MajorCode, RehearsalGap.Missing, null, null, null, null, null);
            var startsAt = DateTime.SpecifyKind(c.Latest.StartsAt, DateTimeKind.Utc);
            var gap = c.Latest.RehearsalOutcome is null ? RehearsalGap.NoOutcome : RehearsalGap.Failed;
            return new RehearsalGapItem(c.Id, c.ExamNumber, c.Name, c.CollegeId, c.MajorCode, gap, c.Latest.Id, startsAt,
                BeijingTime.ToLocal(startsAt), c.Latest.RehearsalOutcome, c.Latest.RehearsalNote);
        }).ToList();
        return new Paged<RehearsalGapItem>(items, result.Total, result.Page, result.PageSize);
    }
}
