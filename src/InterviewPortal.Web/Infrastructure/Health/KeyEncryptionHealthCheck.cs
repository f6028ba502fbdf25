using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace InterviewPortal.Web.Infrastructure.Health;

/// <summary>
/// Degraded (not Unhealthy) in production while the Data Protection keys are stored unencrypted: the node serves
/// correctly, so it stays behind the load balancer (readiness answers 200 for Degraded), but monitoring sees it.
/// </summary>
public sealed class KeyEncryptionHealthCheck(IConfiguration configuration, IHostEnvironment environment) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(ProductionMode.KeysUnencrypted(configuration, environment)
            ? HealthCheckResult.Degraded($"Data Protection keys are stored unencrypted; set {ProductionMode.CertificatePathSetting}.")
            : HealthCheckResult.Healthy());
}
