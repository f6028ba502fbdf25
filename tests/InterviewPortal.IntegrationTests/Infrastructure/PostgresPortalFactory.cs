using InterviewPortal.Web.Infrastructure.Database;

namespace InterviewPortal.IntegrationTests.Infrastructure;

/// <summary>The demo portal on a fresh database of the real PostgreSQL server; shared by a test class as a fixture.</summary>
public sealed class PostgresPortalFactory() : PortalFactory(DatabaseProvider.PostgreSql);

/// <summary>The demo portal on a fresh SQLite file; shared by a test class as a fixture.</summary>
public sealed class SqlitePortalFactory() : PortalFactory(DatabaseProvider.Sqlite);
