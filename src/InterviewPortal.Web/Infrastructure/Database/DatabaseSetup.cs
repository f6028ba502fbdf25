using InterviewPortal.Data;
using InterviewPortal.Data.Access;
using Microsoft.Data.Sqlite;
using Npgsql;
using InterviewPortal.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace InterviewPortal.Web.Infrastructure.Database;

public static class DatabaseSetup
{
    public static IServiceCollection AddPortalDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection("Database").Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddSingleton(options);
        var connectionString = ConnectionString(configuration, options.Provider);

        services.AddScoped(sp => AccessScopes.For(sp.GetService<IHttpContextAccessor>()?.HttpContext, sp.GetRequiredService<IDbContextFactory<PortalDbContext>>()));
        // Pooled: a context from the pool skips resolving EF's internal services per request (measured as a fifth of
        // GET /api/v1/me under load). Options stay singletons, so singletons can open their own contexts.
        // Interceptors come from the features that register them (the candidate record's cache invalidation).
        services.AddPooledDbContextFactory<PortalDbContext>((sp, db) =>
            Configure(db, options.Provider, connectionString).AddInterceptors(sp.GetServices<IInterceptor>()));
        // A request (or job scope) leases one context and gives it the caller's scope; disposing returns it.
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContext()
            .WithScope(sp.GetRequiredService<AccessScope>()));
        return services;
    }

    public static string ConnectionString(IConfiguration configuration, DatabaseProvider provider)
    {
        var connectionString = configuration.GetConnectionString("Portal");
        if (!string.IsNullOrWhiteSpace(connectionString))
            return connectionString;
        if (provider != DatabaseProvider.Sqlite)
            throw new InvalidOperationException($"ConnectionStrings:Portal is required for the {provider} provider.");
        var folder = configuration["Storage:Root"] ?? "App_Data";
        Directory.CreateDirectory(folder);
        return $"Data Source={Path.Combine(folder, "portal.db")}";
    }

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder db, DatabaseProvider provider, string connectionString)
    {
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                // A busy timeout lets concurrent writers queue for SQLite's single write lock instead of failing.
                var builder = new SqliteConnectionStringBuilder(connectionString) { DefaultTimeout = 30 };
                db.UseSqlite(builder.ToString(), o => o.MigrationsAssembly("InterviewPortal.Migrations.Sqlite"));
#pragma warning disable EF1001 // see HeldOpenSqliteConnection
                db.ReplaceService<Microsoft.EntityFrameworkCore.Sqlite.Storage.Internal.ISqliteRelationalConnection, HeldOpenSqliteConnection>();
#pragma warning restore EF1001
                break;
            case DatabaseProvider.SqlServer:
                db.UseSqlServer(connectionString, o => o.MigrationsAssembly("InterviewPortal.Migrations.SqlServer"));
                break;
            case DatabaseProvider.PostgreSql:
                // Statements the portal repeats (every candidate's GET /api/v1/me) are prepared on the server once per
                // connection instead of parsed and planned per call: it doubled that endpoint's throughput.
                // A connection going back to the pool is not reset either: the reset is a batch of statements the server
                // runs before the next request's own (RESET ALL, CLOSE ALL, UNLISTEN, advisory unlock, DISCARD), for
                // session state the portal never sets; skipping it gave /api/v1/me about 15 % more throughput.
                // Either setting written in the connection string wins.
                var npgsql = new NpgsqlConnectionStringBuilder(connectionString);
                if (!connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase))
                    npgsql.MaxAutoPrepare = 64;
                if (!connectionString.Contains("Reset On Close", StringComparison.OrdinalIgnoreCase))
                    npgsql.NoResetOnClose = true;
                db.UseNpgsql(npgsql.ToString(), o => o.MigrationsAssembly("InterviewPortal.Migrations.PostgreSql"));
                break;
            default:
                throw new InvalidOperationException($"Unknown database provider {provider}.");
        }
        return db;
    }

    /// <summary>Applies migrations when configured to (SQLite by default), with WAL so readers never wait for the writer.</summary>
    public static async Task MigratePortalDatabaseAsync(this IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var options = scope.ServiceProvider.GetRequiredService<DatabaseOptions>();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            await db.Database.OpenConnectionAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            await db.Database.CloseConnectionAsync();
        }
        if (options.ShouldMigrateOnStart)
            await db.Database.MigrateAsync();
    }
}
