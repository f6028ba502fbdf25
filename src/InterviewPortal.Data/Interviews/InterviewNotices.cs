using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.Data.Interviews;

/// <summary>
/// The move Scheduled → Notified. It is not an entity method: the notice sender makes it for a whole batch in one
/// conditional UPDATE, so a concurrent move of an interview (reschedule, cancel) wins over the notice.
/// </summary>
public static class InterviewNotices
{
    /// <summary>Marks the still-Scheduled interviews among these notified; the batch shares one new Version (each row's still changes).</summary>
    public static Task<int> MarkNotifiedAsync(this IQueryable<Interview> interviews, DateTime atUtc, CancellationToken ct) =>
        interviews.Where(i => i.Status == InterviewStatus.Scheduled)
            .ExecuteUpdateAsync(s => s
                .SetProperty(i => i.Status, InterviewStatus.Notified)
                .SetProperty(i => i.NotifiedAt, atUtc)
                .SetProperty(i => i.StatusNote, (string?)null)
                .SetProperty(i => i.Version, Guid.NewGuid()), ct);
}
