using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.SqlServer;
using Hangfire.Storage.SQLite;
using InterviewPortal.Web.Infrastructure.Database;
using InterviewPortal.Web.Infrastructure.Health;

namespace InterviewPortal.Web.Infrastructure.Jobs;

/// <summary>
/// Hangfire on the portal's own database provider (SQLite file under Storage:Root, SQL Server or
/// PostgreSQL), a server in every process unless Jobs:Server is false, and the dashboard for admins.
/// The storage is built here and registered in DI, so several hosts in one process (the tests)
/// never share Hangfire's static JobStorage.Current by accident.
/// </summary>
public static class JobsSetup
{
    public static IServiceCollection AddPortalJobs(this IServiceCollection services, IConfiguration configuration)
    {
        var jobs = configuration.GetSection("Jobs").Get<JobsOptions>() ?? new JobsOptions();
        var database = configuration.GetSection("Database").Get<DatabaseOptions>() ?? new DatabaseOptions();
        var poll = TimeSpan.FromSeconds(Math.Max(0.2, jobs.PollSeconds));
        var storage = CreateStorage(configuration, database.Provider, poll);
        if (string.IsNullOrWhiteSpace(jobs.Queue))
            jobs.Queue = database.Provider == DatabaseProvider.Sqlite ? SqliteQueue(configuration) : "default";
        services.AddSingleton(jobs);
        services.AddSingleton(storage);
        services.AddHangfire(c => c
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseStorage(storage));
        if (jobs.Server)
            services.AddHangfireServer(o =>
            {
                o.SchedulePollingInterval = poll;
                o.WorkerCount = Math.Max(1, jobs.Workers);
                o.Queues = [jobs.Queue];
                o.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..6]}";
            });
        services.AddHealthChecks().AddCheck<JobStorageHealthCheck>("job-storage", tags: [HealthSetup.Ready]);
        services.AddHostedService<RecurringJobsRegistrar>();
        return services;
    }

    public static void MapPortalJobs(this WebApplication app)
    {
        var storage = app.Services.GetRequiredService<JobStorage>();
        app.MapHangfireDashboard("/hangfire", new DashboardOptions
        {
            AsyncAuthorization = [new AdminDashboardAuthorizationFilter()],
            DashboardTitle = "InterviewPortal jobs",
        }, storage);
    }

    private static string SqliteQueue(IConfiguration configuration)
    {
        var root = Path.GetFullPath(configuration["Storage:Root"] ?? "App_Data");
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(root));
        return "portal_" + Convert.ToHexString(hash)[..10].ToLowerInvariant();
    }

    private static JobStorage CreateStorage(IConfiguration configuration, DatabaseProvider provider, TimeSpan poll)
    {
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                // A file of its own beside the portal database: restarts lose nothing, and Hangfire's
                // frequent writes never wait on the portal's write lock.
                var folder = configuration["Storage:Root"] ?? "App_Data";
                Directory.CreateDirectory(folder);
                return new SQLiteStorage(Path.Combine(folder, "jobs.db"), new SQLiteStorageOptions
                {
                    QueuePollInterval = poll,
                    DistributedLockLifetime = TimeSpan.FromSeconds(30),
                });
            case DatabaseProvider.SqlServer:
                return new SqlServerStorage(DatabaseSetup.ConnectionString(configuration, provider), new SqlServerStorageOptions
                {
                    QueuePollInterval = poll,
                    PrepareSchemaIfNecessary = true,
                });
            case DatabaseProvider.PostgreSql:
                var pg = new PostgreSqlStorageOptions { QueuePollInterval = poll, PrepareSchemaIfNecessary = true, SchemaName = "hangfire" };
                return new PostgreSqlStorage(new Hangfire.PostgreSql.Factories.NpgsqlConnectionFactory(DatabaseSetup.ConnectionString(configuration, provider), pg, null), pg);
            default:
                throw new InvalidOperationException($"No job storage for {provider}.");
        }
    }
}
