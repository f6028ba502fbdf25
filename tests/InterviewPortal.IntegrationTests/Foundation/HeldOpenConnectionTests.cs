using System.Data;
using InterviewPortal.Data;
using InterviewPortal.Data.Access;
using InterviewPortal.IntegrationTests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewPortal.IntegrationTests.Foundation;

/// <summary>
/// On SQLite a pooled context keeps its connection open between leases (HeldOpenSqliteConnection): no open, close
/// and function registration per statement. Held open, it must still see every commit and hold no transaction.
/// </summary>
public class HeldOpenConnectionTests(SqlitePortalFactory portal) : IClassFixture<SqlitePortalFactory>
{
    [Fact]
    public async Task A_pooled_context_keeps_its_connection_open_across_statements_and_leases_and_sees_other_writers()
    {
        var contexts = portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        SqliteConnection held;
        int candidateId;
        await using (var first = contexts.CreateDbContext().WithScope(AccessScope.System))
        {
            candidateId = await first.Candidates.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
            held = (SqliteConnection)first.Database.GetDbConnection();
            Assert.Equal(ConnectionState.Open, held.State);
        }
        Assert.Equal(ConnectionState.Open, held.State); // back in the pool, still open

        // Another writer (a second connection, as a restarted node or a job would be) commits a change...
        await using (var other = new SqliteConnection(portal.Database.ConnectionString))
        {
            await other.OpenAsync();
            await using var update = other.CreateCommand();
            update.CommandText = "UPDATE Candidates SET Name = '另一个连接写的' WHERE Id = $id";
            update.Parameters.AddWithValue("$id", candidateId);
            Assert.Equal(1, await update.ExecuteNonQueryAsync());
        }

        // ...and the held connection, leased again, reads it: it holds no read transaction between statements.
        await using var next = contexts.CreateDbContext().WithScope(AccessScope.System);
        Assert.Equal(ConnectionState.Open, next.Database.GetDbConnection().State); // (the pool may hand back another context: all are held open)
        Assert.Null(next.Database.CurrentTransaction);
        Assert.Equal("另一个连接写的", await next.Candidates.Where(c => c.Id == candidateId).Select(c => c.Name).SingleAsync());
    }
}
