using InterviewPortal.Data;
using InterviewPortal.Data.Interviews;
using InterviewPortal.Data.Notifications;
using InterviewPortal.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.Web.Features.ExamDay;

public sealed record CollegeProgress(int CollegeId, string CollegeName, ProgressFigures Progress, int FailedInvitations);

/// <summary>Interviews starting in one Beijing hour (HH:00 to HH:59) and how many of them are done.</summary>
public sealed record HourCount(int Hour, int Interviews, int Done);

/// <summary>Messages to candidates: sent and failed for good in the last hour, and overdue now (due over two minutes ago, not out yet).</summary>
public sealed record GatewayHealth(int Sent, int Failed, int Overdue);

/// <summary>The admin's home: every college's day, what failed today, the gateway's last hour and the day's load by hour.</summary>
public sealed record UniversityBoardView(DateOnly Date, DateTime CheckedAt, ProgressFigures Progress, IReadOnlyList<CollegeProgress> Colleges,
    int FailedInvitations, int FailedNotices, GatewayHealth Gateway, IReadOnlyList<HourCount> Hours);

/// <summary>
/// Six queries whatever the number of interviews: the day's interviews as (college, status, start, latest invitation's
/// status) in one narrow projection grouped here, the colleges, the failed notices of the day and three gateway counts.
/// </summary>
public sealed class GetUniversityBoardHandler(PortalDbContext db, TimeProvider clock)
{
    /// <summary>A message due longer ago than this and still not sent is stuck, not just queued.</summary>
    public static readonly TimeSpan OverdueAfter = TimeSpan.FromMinutes(2);

    public async Task<UniversityBoardView> HandleAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var day = BeijingTime.Today(clock);
        var (from, to) = BeijingTime.DayRange(day);
        var interviews = await ExamDayRows.OnDay(db, day).AsNoTracking().Where(i => i.Status != InterviewStatus.Cancelled)
            .Select(i => new
            {
                i.CollegeId, i.Status, i.StartsAt,
                Invitation = db.MeetingInvitations.Where(m => m.InterviewId == i.Id).OrderByDescending(m => m.Id).Select(m => (InvitationStatus?)m.Status).FirstOrDefault(),
            }).ToListAsync(ct);
        var colleges = await db.Colleges.AsNoTracking().OrderBy(c => c.Code).Select(c => new { c.Id, c.Name }).ToListAsync(ct);

        // Failed today: notices due today, whatever interview or message they were for.
        var failedNotices = await db.Notifications.AsNoTracking().CountAsync(n => n.Status == NotificationStatus.Failed && n.DueAt >= from && n.DueAt < to, ct);
        var hourAgo = now.AddHours(-1);
        // Nothing due over a day ago is still being tried (a few retries, minutes apart): the bound keeps both counts
        // on the (status, due) index instead of every message ever sent.
        var dayAgo = now.AddDays(-1);
        var sent = await db.Notifications.AsNoTracking().CountAsync(n => n.Status == NotificationStatus.Sent && n.DueAt >= dayAgo && n.SentAt >= hourAgo, ct);
        // A failed message keeps the time of its last claim: the moment its last attempt went out.
        var failed = await db.Notifications.AsNoTracking().CountAsync(n => n.Status == NotificationStatus.Failed && n.DueAt >= dayAgo && n.ClaimedAt >= hourAgo, ct);
        var overdueBefore = now - OverdueAfter;
        var overdue = await db.Notifications.AsNoTracking()
            .CountAsync(n => (n.Status == NotificationStatus.Pending || n.Status == NotificationStatus.Sending) && n.DueAt < overdueBefore, ct);

        var byCollege = interviews.ToLookup(i => i.CollegeId);
        var collegeRows = colleges.Select(c => new CollegeProgress(c.Id, c.Name, ProgressFigures.Of(byCollege[c.Id].Select(i => i.Status)),
            byCollege[c.Id].Count(i => i.Invitation == InvitationStatus.Failed))).ToList();
        var hours = interviews.GroupBy(i => BeijingTime.ToLocal(i.StartsAt).Hour).OrderBy(g => g.Key)
            .Select(g => new HourCount(g.Key, g.Count(), g.Count(i => DayProgress.PartOf(i.Status) == ProgressPart.Done))).ToList();
        return new UniversityBoardView(day, now, ProgressFigures.Of(interviews.Select(i => i.Status)), collegeRows,
            collegeRows.Sum(c => c.FailedInvitations), failedNotices,
            new GatewayHealth(sent, failed, overdue),
            FillGaps(hours));
    }

    /// <summary>Every hour from the first to the last with interviews, so an empty hour shows as an empty bar, not a gap.</summary>
    private static List<HourCount> FillGaps(List<HourCount> hours)
    {
        if (hours.Count == 0)
            return hours;
        var byHour = hours.ToDictionary(h => h.Hour);
        return Enumerable.Range(hours[0].Hour, hours[^1].Hour - hours[0].Hour + 1)
            .Select(h => byHour.GetValueOrDefault(h) ?? new HourCount(h, 0, 0)).ToList();
    }
}
