using InterviewPortal.Data.Interviews;

namespace InterviewPortal.Web.Features.ExamDay;

/// <summary>
/// How far a room, a college or the university is through its day. Cancelled interviews count nowhere;
/// an interrupted one is still under way (it is re-invited), an invited one still waits to start.
/// </summary>
public sealed record ProgressFigures(int Done, int Absent, int InProgress, int Remaining)
{
    public int Total => Done + Absent + InProgress + Remaining;

    public static ProgressFigures Of(IEnumerable<InterviewStatus> statuses)
    {
        int done = 0, absent = 0, running = 0, remaining = 0;
        foreach (var status in statuses)
        {
            switch (DayProgress.PartOf(status))
            {
                case ProgressPart.Done: done++; break;
                case ProgressPart.Absent: absent++; break;
                case ProgressPart.InProgress: running++; break;
                case ProgressPart.Remaining: remaining++; break;
            }
        }
        return new ProgressFigures(done, absent, running, remaining);
    }
}

public enum ProgressPart
{
    None,
    Done,
    Absent,
    InProgress,
    Remaining,
}

public sealed record StatusCount(InterviewStatus Status, int Count);

/// <summary>One room's day: its figures, who is in it now and who comes next.</summary>
public sealed record RoomProgress(int RoomId, string RoomName, ProgressFigures Progress, ExamDayRow? Current, ExamDayRow? Next);

public static class DayProgress
{
    /// <summary>Not started yet: the candidate is not (or not yet) in the interview.</summary>
    private static readonly InterviewStatus[] Waiting =
    [
        InterviewStatus.Scheduled, InterviewStatus.Notified, InterviewStatus.IdSubmitted, InterviewStatus.IdVerified,
        InterviewStatus.IdRejected, InterviewStatus.Invited,
    ];

    public static ProgressPart PartOf(InterviewStatus status) => status switch
    {
        InterviewStatus.Completed or InterviewStatus.Ended => ProgressPart.Done,
        InterviewStatus.Absent => ProgressPart.Absent,
        InterviewStatus.InProgress or InterviewStatus.Interrupted => ProgressPart.InProgress,
        InterviewStatus.Cancelled => ProgressPart.None,
        _ => ProgressPart.Remaining,
    };

    public static bool IsWaiting(InterviewStatus status) => Array.IndexOf(Waiting, status) >= 0;

    /// <summary>Past their start and still not in the interview: someone should call them.</summary>
    public static List<ExamDayRow> Late(IEnumerable<ExamDayRow> rows, DateTime now) =>
        rows.Where(r => IsWaiting(r.Status) && r.StartsAt <= now).ToList();

    /// <summary>Rooms in name order; rows come in start order.</summary>
    public static List<RoomProgress> Rooms(IEnumerable<ExamDayRow> rows) =>
        rows.Where(r => r.Status != InterviewStatus.Cancelled).GroupBy(r => (r.RoomId, r.RoomName)).OrderBy(g => g.Key.RoomName, StringComparer.Ordinal)
            .Select(g =>
            {
                // The one in the meeting now: under way, or invited and about to start.
                var current = g.FirstOrDefault(r => PartOf(r.Status) == ProgressPart.InProgress) ?? g.FirstOrDefault(r => r.Status == InterviewStatus.Invited);
                var next = g.FirstOrDefault(r => IsWaiting(r.Status) && r.Id != current?.Id);
                return new RoomProgress(g.Key.RoomId, g.Key.RoomName, ProgressFigures.Of(g.Select(r => r.Status)), current, next);
            }).ToList();

    /// <summary>Every status met today with its count, in lifecycle order.</summary>
    public static List<StatusCount> Totals(IEnumerable<InterviewStatus> statuses) =>
        statuses.GroupBy(s => s).OrderBy(g => g.Key).Select(g => new StatusCount(g.Key, g.Count())).ToList();
}
