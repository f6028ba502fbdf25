using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using InterviewPortal.Data;
using InterviewPortal.Data.Access;
using InterviewPortal.Web.Infrastructure.Database;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.IntegrationTests.Infrastructure;

/// <summary>
/// A <see cref="PortalDbContext"/> configured exactly as production configures SQL Server, on a connection that
/// reaches no server: every command EF (or the portal's own ADO.NET code) sends is recorded and answered with
/// nothing (no rows, 0 rows affected). The portal's code runs far enough to show the T-SQL it would send, with
/// no SQL Server on the machine. Parameters are real <see cref="SqlParameter"/>s, so the provider's type mappings
/// configure them as they would for SQL Server.
/// </summary>
public sealed class TsqlCapture : IDisposable
{
    private readonly RecordingConnection connection = new();

    public TsqlCapture()
    {
        var builder = new DbContextOptionsBuilder<PortalDbContext>();
        DatabaseSetup.Configure(builder, DatabaseProvider.SqlServer, RecordingConnection.Unused);
        Db = new PortalDbContext(builder.Options).WithScope(AccessScope.System);
        Db.Database.SetDbConnection(connection);
    }

    public PortalDbContext Db { get; }

    /// <summary>Every command text sent so far, in order.</summary>
    public IReadOnlyList<string> Commands => connection.Commands;

    public void Dispose() => Db.Dispose();

    private sealed class RecordingConnection : DbConnection
    {
        public const string Unused = "Server=127.0.0.1;Database=unused;User Id=sa;Password=unused;TrustServerCertificate=True";
        private ConnectionState state = ConnectionState.Closed;

        public List<string> Commands { get; } = [];

        [AllowNull]
        public override string ConnectionString { get; set; } = Unused;
        public override string Database => "unused";
        public override string DataSource => "127.0.0.1";
        public override string ServerVersion => "16.00.0000"; // SQL Server 2022
        public override ConnectionState State => state;
        public override void ChangeDatabase(string databaseName) { }
        public override void Open() => state = ConnectionState.Open;
        public override void Close() => state = ConnectionState.Closed;
        protected override DbTransaction BeginDbTransaction(IsolationLevel isolationLevel) => new NoTransaction(this, isolationLevel);
        protected override DbCommand CreateDbCommand() => new RecordingCommand(this);
    }

    private sealed class RecordingCommand(RecordingConnection connection) : DbCommand
    {
        // Only for its parameter collection: SQL Server's type mappings expect SqlParameters.
        private readonly SqlCommand parameters = new();

        [AllowNull]
        public override string CommandText { get; set; } = "";
        public override int CommandTimeout { get; set; } = 30;
        public override CommandType CommandType { get; set; } = CommandType.Text;
        public override bool DesignTimeVisible { get; set; }
        public override UpdateRowSource UpdatedRowSource { get; set; }
        protected override DbConnection? DbConnection { get; set; } = connection;
        protected override DbParameterCollection DbParameterCollection => parameters.Parameters;
        protected override DbTransaction? DbTransaction { get; set; }
        public override void Cancel() { }
        public override void Prepare() { }
        protected override DbParameter CreateDbParameter() => new SqlParameter();

        public override int ExecuteNonQuery()
        {
            connection.Commands.Add(CommandText);
            return 0;
        }

        public override object? ExecuteScalar()
        {
            connection.Commands.Add(CommandText);
            return null;
        }

        protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior)
        {
            connection.Commands.Add(CommandText);
            return new DataTable().CreateDataReader();
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
                parameters.Dispose();
            base.Dispose(disposing);
        }
    }

    private sealed class NoTransaction(DbConnection connection, IsolationLevel level) : DbTransaction
    {
        public override IsolationLevel IsolationLevel => level;
        protected override DbConnection DbConnection => connection;
        public override void Commit() { }
        public override void Rollback() { }
    }
}
