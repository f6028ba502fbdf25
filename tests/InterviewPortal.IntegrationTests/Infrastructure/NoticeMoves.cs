using InterviewPortal.Data;
using InterviewPortal.Data.Interviews;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.IntegrationTests.Infrastructure;

/// <summary>
/// Arranging a Notified interview the way production makes one: the notice sender's conditional UPDATE
/// (<see cref="InterviewNotices.MarkNotifiedAsync"/>), not an entity method (there is none).
/// </summary>
public static class NoticeMoves
{
    /// <summary>Marks the saved interview notified and returns it tracked with its new state and version.</summary>
    public static async Task<Interview> NotifyAsync(this PortalDbContext db, int interviewId, DateTime? atUtc = null)
    {
        var moved = await db.Interviews.IgnoreQueryFilters().Where(i => i.Id == interviewId).MarkNotifiedAsync(atUtc ?? DateTime.UtcNow, default);
        if (moved != 1)
            throw new InvalidOperationException($"Interview {interviewId} was not Scheduled, so it could not be notified.");
        var interview = await db.Interviews.IgnoreQueryFilters().FirstAsync(i => i.Id == interviewId);
        await db.Entry(interview).ReloadAsync(); // a copy tracked before the UPDATE keeps its old values otherwise
        return interview;
    }
}
