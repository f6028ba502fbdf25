namespace InterviewPortal.Web.Infrastructure.Database;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
    PostgreSql,
}

/// <summary>The "Database" section: which provider, and whether to migrate at start-up.</summary>
public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Defaults to true on SQLite; server databases are upgraded with the idempotent scripts in deploy/sql.</summary>
    public bool? MigrateOnStart { get; set; }

    /// <summary>Seed the demo university on an empty database (the embedded default only).</summary>
    public bool Demo { get; set; }

    public bool ShouldMigrateOnStart => MigrateOnStart ?? Provider == DatabaseProvider.Sqlite;
}
