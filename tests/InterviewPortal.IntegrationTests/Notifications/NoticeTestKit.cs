using InterviewPortal.Data;
using InterviewPortal.Data.Interviews;
using InterviewPortal.Data.Notifications;
using InterviewPortal.IntegrationTests.Infrastructure;
using InterviewPortal.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewPortal.IntegrationTests.Notifications;

/// <summary>Books, moves and cancels interviews the way the scheduling handlers do: entity method, planner, save.</summary>
public static class NoticeTestKit
{
    private static int slot;

    /// <summary>A fresh interview in the first room for a candidate with nothing booked, starting at <paramref name="startsAt"/>.</summary>
    public static async Task<int> BookAsync(this PortalFactory portal, DateTime startsAt)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var planner = scope.ServiceProvider.GetRequiredService<PreExamNoticePlanner>();
        var room = await db.ExamRooms.OrderBy(r => r.Id).FirstAsync(); // assistant1's room
        var candidate = await db.Candidates.Where(c => c.CollegeId == room.CollegeId && !c.Interviews.Any())
            .OrderBy(c => c.Id).Skip(Interlocked.Increment(ref slot) % 5).FirstAsync();
        var interview = Interview.Book(candidate, room, DateTime.SpecifyKind(startsAt, DateTimeKind.Utc), 20, InterviewKind.Exam);
        db.Interviews.Add(interview);
        await planner.PlanAsync(interview, default);
        await db.SaveChangesAsync();
        return interview.Id;
    }

    public static async Task RescheduleAsync(this PortalFactory portal, int interviewId, DateTime startsAt)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var interview = await db.Interviews.Include(i => i.ExamRoom).Include(i => i.Candidate).FirstAsync(i => i.Id == interviewId);
        interview.Reschedule(interview.ExamRoom, startsAt, 20);
        await scope.ServiceProvider.GetRequiredService<PreExamNoticePlanner>().PlanAsync(interview, default);
        await db.SaveChangesAsync();
    }

    public static async Task CancelAsync(this PortalFactory portal, int interviewId)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var interview = await db.Interviews.FirstAsync(i => i.Id == interviewId);
        interview.Cancel("test");
        await scope.ServiceProvider.GetRequiredService<PreExamNoticePlanner>().CancelAsync(interview, default);
        await db.SaveChangesAsync();
    }

    public static Task<List<Notification>> NoticesAsync(this PortalFactory portal, int interviewId) =>
        portal.WithDbAsync(db => db.Notifications.AsNoTracking().Where(n => n.InterviewId == interviewId).OrderBy(n => n.Id).ToListAsync());

    public static Task<int> SentNoticesAsync(this PortalFactory portal, int interviewId) =>
        portal.WithDbAsync(async db =>
        {
            var phone = await db.Interviews.Where(i => i.Id == interviewId).Select(i => i.Candidate.Phone).FirstAsync();
            return await db.GatewayOutbox.CountAsync(r => r.Recipient == phone && r.Kind == "Notice");
        });

    /// <summary>
    /// Waits until one of the interview's notice rows is Sent. Not the gateway's record: the dispatcher records a
    /// batch's outcomes together, just after the batch's gateway calls.
    /// </summary>
    public static Task WaitUntilNoticeSentAsync(this PortalFactory portal, int interviewId) =>
        WaitUntilAsync(async () => (await portal.NoticesAsync(interviewId)).Any(n => n.Status == NotificationStatus.Sent), TimeSpan.FromSeconds(30));

    public static async Task<NoticeOutcome> RunNoticeJobAsync(this PortalFactory portal, long notificationId)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        try
        {
            return await scope.ServiceProvider.GetRequiredService<CandidateMessageSender>().SendAsync(notificationId, default);
        }
        catch (Exception)
        {
            return NoticeOutcome.Failed;
        }
    }

    public static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, Func<Task<string>>? describe = null)
    {
        var until = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > until)
                throw new TimeoutException("The condition did not hold in time. " + (describe is null ? "" : await describe()));
            await Task.Delay(200);
        }
    }
}
