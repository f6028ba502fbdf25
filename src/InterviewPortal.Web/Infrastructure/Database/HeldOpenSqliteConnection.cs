using System.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Sqlite.Storage.Internal;
using Microsoft.EntityFrameworkCore.Storage;

namespace InterviewPortal.Web.Infrastructure.Database;

#pragma warning disable EF1001 // SqliteRelationalConnection is EF's provider-internal type; subclassing it is the only way to keep its connection open.
/// <summary>
/// The SQLite connection of a pooled <c>PortalDbContext</c>, kept open for the life of the context instead of opened and
/// closed around every statement and again when the context goes back to the pool. Each open on SQLite is not just a
/// pool lease: EF has registered a dozen functions (regexp, decimal arithmetic) on the connection, and
/// Microsoft.Data.Sqlite registers them on the native handle at every open and unregisters them at every close (measured
/// as about a tenth of the CPU of <c>GET /api/v1/me</c>, with the pool's lock contended at 64 connections). A SQLite
/// connection that is open but not in a transaction holds no lock and sees every commit, so keeping it costs nothing
/// but the file handle; transactions are still ended when the context is returned (EF disposes them on reset), and
/// disposing the context (when the pool or the host is disposed) closes the connection as before.
/// </summary>
public sealed class HeldOpenSqliteConnection(
    RelationalConnectionDependencies dependencies,
    IRawSqlCommandBuilder rawSqlCommandBuilder,
    IDiagnosticsLogger<DbLoggerCategory.Infrastructure> logger)
    : SqliteRelationalConnection(dependencies, rawSqlCommandBuilder, logger)
{
    // EF calls these after each statement and on the return to the pool; disposal closes through DbConnection.Dispose.
    protected override void CloseDbConnection()
    {
        if (DbConnection.State == ConnectionState.Broken)
            base.CloseDbConnection();
    }

    protected override Task CloseDbConnectionAsync() =>
        DbConnection.State == ConnectionState.Broken ? base.CloseDbConnectionAsync() : Task.CompletedTask;
}
#pragma warning restore EF1001
