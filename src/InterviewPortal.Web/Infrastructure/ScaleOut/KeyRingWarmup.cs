using InterviewPortal.Web.Infrastructure.Health;
using Microsoft.AspNetCore.DataProtection;

namespace InterviewPortal.Web.Infrastructure.ScaleOut;

/// <summary>
/// Loads (or, on a new database, creates) the Data Protection key ring at start-up instead of on the first
/// request, so the first node of a cluster writes the key before the others start, and two nodes never
/// each create a first key of their own under load. In production it also warns once when no certificate
/// encrypts the keys (readiness then reports Degraded).
/// </summary>
public sealed class KeyRingWarmup(IDataProtectionProvider protection, IConfiguration configuration, IHostEnvironment environment,
    ILogger<KeyRingWarmup> log) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (ProductionMode.KeysUnencrypted(configuration, environment))
            log.LogWarning("Data Protection keys are stored unencrypted in the database (a copy of it opens every session): set DataProtection:CertificatePath and DataProtection:CertificatePassword");
        protection.CreateProtector("InterviewPortal.KeyRingWarmup").Protect([1]);
        log.LogDebug("Data Protection key ring ready");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
