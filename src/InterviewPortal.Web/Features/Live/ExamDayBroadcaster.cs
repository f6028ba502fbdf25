using InterviewPortal.Data;
using InterviewPortal.Data.Access;
using InterviewPortal.Web.Features.ExamDay;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.Web.Features.Live;

/// <summary>
/// Tells everyone watching an interview's room or college that it changed. Call it after the change is
/// saved (any feature, any job: it reads the row itself with the system scope). A failed push is logged,
/// never thrown: the change is already committed and the pages reload their state on reconnect.
/// </summary>
public sealed class ExamDayBroadcaster(IHubContext<ExamDayHub> hub, IDbContextFactory<PortalDbContext> contexts, ILogger<ExamDayBroadcaster> log)
{
    public async Task InterviewChangedAsync(int interviewId, CancellationToken ct)
    {
        try
        {
            await using var db = contexts.CreateDbContext().WithScope(AccessScope.System);
            var rows = await ExamDayRows.LoadAsync(db, db.Interviews.Where(i => i.Id == interviewId), withActions: true, ct);
            if (rows.Count == 0)
                return;
            var row = rows[0];
            await hub.Clients.Groups([ExamDayGroups.Room(row.RoomId), ExamDayGroups.College(row.CollegeId), ExamDayGroups.All])
                .SendAsync(ExamDayHub.InterviewChanged, row, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning(e, "Could not push the change of interview {InterviewId} to the exam-day pages", interviewId);
        }
    }

    /// <summary>A room's session moved to another meeting platform: the console and the college board show where it runs now.</summary>
    public async Task RoomPlatformChangedAsync(int roomId, int collegeId, object platform, CancellationToken ct)
    {
        try
        {
            await hub.Clients.Groups([ExamDayGroups.Room(roomId), ExamDayGroups.College(collegeId), ExamDayGroups.All])
                .SendAsync(ExamDayHub.RoomPlatformChanged, new { roomId, platform }, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning(e, "Could not push the platform switch of room {RoomId} to the exam-day pages", roomId);
        }
    }
}
