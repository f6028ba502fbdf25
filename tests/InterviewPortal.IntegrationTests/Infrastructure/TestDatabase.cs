using InterviewPortal.Web.Infrastructure.Database;
using Npgsql;

namespace InterviewPortal.IntegrationTests.Infrastructure;

/// <summary>
/// A fresh, empty database for one test host: a SQLite file in a temp folder, or a new database on the
/// PostgreSQL server that the test command started (PORTAL_TEST_POSTGRES, default loopback 5432).
/// </summary>
public sealed class TestDatabase : IDisposable
{
    public const string DefaultPostgres = "Host=127.0.0.1;Port=5432;Username=portal;Password=portal;Persist Security Info=true;Pooling=true;Maximum Pool Size=40";

    private TestDatabase(DatabaseProvider provider, string folder, string connectionString, string? postgresName)
    {
        Provider = provider;
        Folder = folder;
        ConnectionString = connectionString;
        PostgresName = postgresName;
    }

    public DatabaseProvider Provider { get; }

    /// <summary>The storage root for this host: SQLite files, job storage, photos, logs.</summary>
    public string Folder { get; }
    public string ConnectionString { get; }
    private string? PostgresName { get; }

    public static string PostgresServer => Environment.GetEnvironmentVariable("PORTAL_TEST_POSTGRES") ?? DefaultPostgres;

    public static TestDatabase Create(DatabaseProvider provider)
    {
        var folder = Path.Combine(Path.GetTempPath(), "portal-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        if (provider == DatabaseProvider.Sqlite)
            return new TestDatabase(provider, folder, $"Data Source={Path.Combine(folder, "portal.db")}", null);
        if (provider != DatabaseProvider.PostgreSql)
            throw new NotSupportedException($"No test server for {provider}.");

        var name = "portal_test_" + Guid.NewGuid().ToString("N")[..12];
        using (var admin = new NpgsqlConnection(PostgresServer + ";Database=postgres"))
        {
            admin.Open();
            using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            create.ExecuteNonQuery();
        }
        return new TestDatabase(provider, folder, $"{PostgresServer};Database={name}", name);
    }

    public void Dispose()
    {
        if (PostgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            try
            {
                using var admin = new NpgsqlConnection(PostgresServer + ";Database=postgres");
                admin.Open();
                using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{PostgresName}\" WITH (FORCE)", admin);
                drop.ExecuteNonQuery();
            }
            catch (PostgresException)
            {
                // A leftover test database is harmless (its name is unique); cleanup must not fail the test.
            }
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
