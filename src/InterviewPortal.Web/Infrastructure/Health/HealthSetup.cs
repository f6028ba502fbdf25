using InterviewPortal.Data;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace InterviewPortal.Web.Infrastructure.Health;

public static class HealthSetup
{
    public const string Ready = "ready";

    /// <summary>
    /// Liveness answers while the process runs; readiness checks the database (and, once registered, the job storage),
    /// and is Degraded, still 200, while production keys are unencrypted (503 is kept for a node that cannot serve).
    /// </summary>
    public static IHealthChecksBuilder AddPortalHealthChecks(this IServiceCollection services) =>
        services.AddHealthChecks().AddDbContextCheck<PortalDbContext>("database", tags: [Ready])
            .AddCheck<KeyEncryptionHealthCheck>("data-protection-keys", tags: [Ready]);

    public static void MapPortalHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready) }).AllowAnonymous();
    }
}
