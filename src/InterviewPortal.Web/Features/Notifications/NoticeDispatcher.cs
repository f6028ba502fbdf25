using InterviewPortal.Data;
using InterviewPortal.Data.Notifications;
using InterviewPortal.Web.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.Web.Features.Notifications;

/// <summary>
/// Sends due pre-exam notices straight from our own Notifications table, so a notice's due time never
/// waits on Hangfire's delayed-job machinery (with 10,000 delayed jobs on SQLite it ran minutes late).
/// Runs in every node that runs jobs (Jobs:Server): every Jobs:NoticePollSeconds it takes the oldest due
/// Pending rows (index Status, DueAt) and hands them to <see cref="CandidateMessageSender.SendBatchAsync"/>, whose
/// one conditional claim (Pending → Sending) lets only one node send a row.
/// </summary>
public sealed partial class NoticeDispatcher(IServiceScopeFactory scopes, JobsOptions options, TimeProvider clock, ILogger<NoticeDispatcher> log)
    : BackgroundService
{
    public const int BatchSize = 200;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Server)
            return;
        var poll = TimeSpan.FromSeconds(Math.Max(0.1, options.NoticePollSeconds));
        while (!stoppingToken.IsCancellationRequested)
        {
            int handled;
            try
            {
                handled = await DispatchDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The database may be restarting: try again on the next poll.
                LogPollFailed(log, e);
                handled = 0;
            }
            // A full batch means more are due right now: take the next at once.
            if (handled < BatchSize)
                await Task.Delay(poll, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    /// <summary>One poll: the oldest due rows (at most a batch) claimed and sent as one batch; returns how many were due.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        // Unlinked pre-exam rows belong to a booking that is still committing; they are taken once linked. Other
        // messages (sign-in codes, phone changes) have no interview: what the staging node failed to send is retried here.
        var due = await db.Notifications.AsNoTracking()
            .Where(n => n.Status == NotificationStatus.Pending && n.DueAt <= now && (n.InterviewId != null || n.Template != NoticeTemplates.PreExam))
            .OrderBy(n => n.DueAt).Select(n => n.Id).Take(BatchSize).ToListAsync(ct);
        if (due.Count == 0)
            return 0;
        var outcomes = await scope.ServiceProvider.GetRequiredService<CandidateMessageSender>().SendBatchAsync(due, ct);
        var failed = outcomes.Count(o => o.Value is NoticeOutcome.Retrying or NoticeOutcome.Failed);
        if (failed > 0)
            LogSendsFailed(log, failed, due.Count);
        return due.Count;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notice dispatcher poll failed")]
    private static partial void LogPollFailed(ILogger logger, Exception e);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notice dispatcher: {Failed} of {Due} due notices could not be sent")]
    private static partial void LogSendsFailed(ILogger logger, int failed, int due);
}
