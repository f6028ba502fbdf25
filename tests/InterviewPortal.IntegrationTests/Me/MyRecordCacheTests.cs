using System.Net.Http.Json;
using System.Text.Json;
using InterviewPortal.Data;
using InterviewPortal.Data.Pledges;
using InterviewPortal.IntegrationTests.CandidateAuth;
using InterviewPortal.IntegrationTests.Infrastructure;
using InterviewPortal.Web.Infrastructure.Database;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.IntegrationTests.Me;

/// <summary>The portal with a long copy window, so "still the copy" cannot pass by the window running out.</summary>
public sealed class LongCopyPortalFactory : PortalFactory
{
    public LongCopyPortalFactory() : base(DatabaseProvider.Sqlite) => Settings["MyInterview:CacheSeconds"] = "600";
}

/// <summary>
/// A candidate's record is answered from a short copy on the node; any write through the portal to what it shows
/// makes the copy stale at once. A write the node cannot see (another node's, simulated by a raw connection) is
/// not seen until the copy expires: that is what proves the copy is used at all.
/// </summary>
public class MyRecordCacheTests(LongCopyPortalFactory portal) : IClassFixture<LongCopyPortalFactory>
{
    private async Task RenameBehindThePortalAsync(int candidateId, string name)
    {
        await using var connection = new SqliteConnection(portal.Database.ConnectionString);
        await connection.OpenAsync();
        await using var update = connection.CreateCommand();
        update.CommandText = "UPDATE Candidates SET Name = $name WHERE Id = $id";
        update.Parameters.AddWithValue("$name", name);
        update.Parameters.AddWithValue("$id", candidateId);
        Assert.Equal(1, await update.ExecuteNonQueryAsync());
    }

    private static async Task<string> NameAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/v1/me")).GetProperty("name").GetString()!;

    [Fact]
    public async Task A_save_through_the_portal_to_what_the_record_shows_is_seen_at_once()
    {
        var candidate = await portal.CandidateAsync(2);
        var client = await portal.ClientForCandidateAsync(candidate);
        Assert.Equal(candidate.Name, await NameAsync(client));

        await RenameBehindThePortalAsync(candidate.Id, "另一节点改的名字");
        Assert.Equal(candidate.Name, await NameAsync(client)); // the copy

        // A save of something the record shows (the name of the candidate's room), through EF: every copy is forgotten.
        await portal.WithDbAsync(async db =>
        {
            var room = await db.Interviews.Where(i => i.CandidateId == candidate.Id).Select(i => i.ExamRoom).FirstAsync();
            room.Name += "（改）";
            await db.SaveChangesAsync();
        });
        Assert.Equal("另一节点改的名字", await NameAsync(client));
    }

    [Fact]
    public async Task A_committed_transaction_with_raw_writes_is_seen_at_once()
    {
        var candidate = await portal.CandidateAsync(3);
        var client = await portal.ClientForCandidateAsync(candidate);
        Assert.Equal(candidate.Name, await NameAsync(client));

        // Bulk writes (scheduling's multi-row inserts) bypass the change tracker inside an explicit transaction.
        await portal.WithDbAsync(async db =>
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE Candidates SET Name = {"事务里改的名字"} WHERE Id = {candidate.Id}");
            await tx.CommitAsync();
        });
        Assert.Equal("事务里改的名字", await NameAsync(client));
    }

    [Fact]
    public async Task A_set_based_update_of_a_shown_table_is_seen_at_once()
    {
        var candidate = await portal.CandidateAsync(5);
        var client = await portal.ClientForCandidateAsync(candidate);
        Assert.Equal(candidate.Name, await NameAsync(client));

        // ExecuteUpdate, outside any transaction (the T-20 job moves interviews to Notified this way).
        await portal.WithDbAsync(db => db.Candidates.Where(c => c.Id == candidate.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Name, "批量改的名字")));
        Assert.Equal("批量改的名字", await NameAsync(client));
    }

    [Fact]
    public async Task A_save_of_something_the_record_does_not_show_keeps_the_copies()
    {
        var candidate = await portal.CandidateAsync(4);
        var client = await portal.ClientForCandidateAsync(candidate);
        Assert.Equal(candidate.Name, await NameAsync(client));
        await RenameBehindThePortalAsync(candidate.Id, "不该看到的名字");

        // Sign-ins, pledges, audit entries and notices are saved all day; they must not empty the copies.
        await portal.WithDbAsync(async db =>
        {
            db.PledgeConfirmations.Add(new PledgeConfirmation { CandidateId = candidate.Id, Version = 987_654, IpAddress = "127.0.0.1" });
            await db.SaveChangesAsync();
        });

        Assert.Equal(candidate.Name, await NameAsync(client));
    }
}
