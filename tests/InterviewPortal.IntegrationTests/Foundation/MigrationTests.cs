using InterviewPortal.Data;
using InterviewPortal.Data.Access;
using InterviewPortal.IntegrationTests.Infrastructure;
using InterviewPortal.Web.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace InterviewPortal.IntegrationTests.Foundation;

public class MigrationTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Every_migration_applies_to_an_empty_database_and_leaves_no_pending_model_change(DatabaseProvider provider)
    {
        using var database = TestDatabase.Create(provider);
        await using var db = Context(provider, database.ConnectionString);

        Assert.NotEmpty(db.Database.GetMigrations());
        await db.Database.MigrateAsync();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.False(db.Database.HasPendingModelChanges(), $"The {provider} model has changes without a migration.");
        Assert.Equal(1, await db.SchedulingLocks.CountAsync());
        Assert.Equal(0, await db.Candidates.CountAsync());
    }

    [Fact]
    public void Sql_server_migrations_generate_an_idempotent_script_and_match_the_model()
    {
        using var db = Context(DatabaseProvider.SqlServer, "Server=127.0.0.1;Database=unused;User Id=sa;Password=unused;TrustServerCertificate=True");

        Assert.False(db.Database.HasPendingModelChanges(), "The SQL Server model has changes without a migration.");
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
        Assert.Contains("IF NOT EXISTS (\n    SELECT * FROM [__EFMigrationsHistory]", script.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("CREATE TABLE [Interviews]", script, StringComparison.Ordinal);
    }

    private static PortalDbContext Context(DatabaseProvider provider, string connectionString)
    {
        var builder = new DbContextOptionsBuilder<PortalDbContext>();
        DatabaseSetup.Configure(builder, provider, connectionString);
        return new PortalDbContext(builder.Options).WithScope(AccessScope.System);
    }
}
