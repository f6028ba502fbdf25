using Microsoft.AspNetCore.DataProtection;

namespace InterviewPortal.Web.Infrastructure.ScaleOut;

/// <summary>
/// Loads (or, on a new database, creates) the Data Protection key ring at start-up instead of on the first
/// request, so the first node of a cluster writes the key before the others start, and two nodes never
/// each create a first key of their own under load.
/// </summary>
public sealed class KeyRingWarmup(IDataProtectionProvider protection, ILogger<KeyRingWarmup> log) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        protection.CreateProtector("InterviewPortal.KeyRingWarmup").Protect([1]);
        log.LogDebug("Data Protection key ring ready");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
