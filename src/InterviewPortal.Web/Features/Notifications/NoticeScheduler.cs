using Hangfire;

namespace InterviewPortal.Web.Features.Notifications;

/// <summary>
/// Puts a notice's send job on Hangfire for its due time. Never fails the caller: if the job storage
/// is down, the minute sweep finds the pending row and sends it (marked late).
/// </summary>
public sealed class NoticeScheduler(IBackgroundJobClient jobs, InterviewPortal.Web.Infrastructure.Jobs.JobsOptions options, TimeProvider clock, ILogger<NoticeScheduler> log)
{
    public string? Schedule(long notificationId, DateTime dueAtUtc)
    {
        try
        {
            var due = new DateTimeOffset(DateTime.SpecifyKind(dueAtUtc, DateTimeKind.Utc));
            return due <= clock.GetUtcNow()
                ? jobs.Enqueue<SendPreExamNoticeJob>(options.Queue, j => j.RunAsync(notificationId, CancellationToken.None))
                : jobs.Schedule<SendPreExamNoticeJob>(options.Queue, j => j.RunAsync(notificationId, CancellationToken.None), due);
        }
        catch (Exception e)
        {
            log.LogWarning(e, "Could not schedule the job of notice {NotificationId}; the sweep will send it", notificationId);
            return null;
        }
    }

    public void Remove(string? jobId)
    {
        if (jobId is null)
            return;
        try
        {
            jobs.Delete(jobId);
        }
        catch (Exception e)
        {
            // Harmless: the job checks the row and does nothing for a withdrawn notice.
            log.LogWarning(e, "Could not delete job {JobId}", jobId);
        }
    }
}
