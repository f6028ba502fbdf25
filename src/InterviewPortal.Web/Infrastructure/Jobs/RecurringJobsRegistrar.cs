using Hangfire;
using InterviewPortal.Web.Features.Notifications;

namespace InterviewPortal.Web.Infrastructure.Jobs;

/// <summary>The one registry of recurring jobs, with stable ids (AddOrUpdate is idempotent across nodes and restarts).</summary>
public sealed class RecurringJobsRegistrar(IRecurringJobManager recurring, JobsOptions options) : IHostedService
{
    public const string NoticeSweep = "pre-exam-notice-sweep";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Recurring)
            recurring.AddOrUpdate<MissedNoticeSweep>(NoticeSweep, options.Queue, s => s.RunAsync(CancellationToken.None), Cron.Minutely());
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
