using Hangfire;
using InterviewPortal.Web.Features.Notifications;
using InterviewPortal.Web.Features.Verifications;

namespace InterviewPortal.Web.Infrastructure.Jobs;

/// <summary>The one registry of recurring jobs, with stable ids (AddOrUpdate is idempotent across nodes and restarts).</summary>
public sealed class RecurringJobsRegistrar(IRecurringJobManager recurring, JobsOptions options) : IHostedService
{
    public const string NoticeSweep = "pre-exam-notice-sweep";
    public const string PhotoRetention = "id-photo-retention";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Recurring)
            return Task.CompletedTask;
        recurring.AddOrUpdate<MissedNoticeSweep>(NoticeSweep, options.Queue, s => s.RunAsync(CancellationToken.None), Cron.Minutely());
        // Hourly, so a photo goes within the hour it falls due and a missed run costs little.
        recurring.AddOrUpdate<PhotoRetentionJob>(PhotoRetention, options.Queue, j => j.RunAsync(CancellationToken.None), Cron.Hourly());
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
