using System.Net.Http.Json;
using System.Text.Json;
using InterviewPortal.IntegrationTests.CandidateAuth;
using InterviewPortal.IntegrationTests.ExamDay;
using InterviewPortal.IntegrationTests.Infrastructure;
using InterviewPortal.Web.Infrastructure.Database;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.IntegrationTests.Me;

/// <summary>The portal with the node's record copy off: every view reads the database, as a first visit does.</summary>
public sealed class NoCopySqlitePortalFactory : PortalFactory
{
    public NoCopySqlitePortalFactory() : base(DatabaseProvider.Sqlite) => Settings["MyInterview:CacheSeconds"] = "0";
}

public sealed class NoCopyPostgresPortalFactory : PortalFactory
{
    public NoCopyPostgresPortalFactory() : base(DatabaseProvider.PostgreSql) => Settings["MyInterview:CacheSeconds"] = "0";
}

/// <summary>
/// The candidate's record at first visit, read by the statement kept prepared on the context's connection
/// (Features/Me/MyRecordStatement): what it reads, that a kept statement still sees every later write, and that the
/// page carries an antiforgery token only where it writes.
/// </summary>
public abstract class FirstVisitTests(PortalFactory portal)
{
    private static async Task<JsonElement> MeAsync(HttpClient client) => await client.GetFromJsonAsync<JsonElement>("/api/v1/me");

    private Task MoveInterviewAsync(int candidateId, DateTime startsAtUtc) => portal.WithDbAsync(async db =>
    {
        var interview = await db.Interviews.Include(i => i.ExamRoom).SingleAsync(i => i.CandidateId == candidateId);
        interview.Reschedule(interview.ExamRoom, startsAtUtc, 20);
        await db.SaveChangesAsync();
    });

    [Fact]
    public async Task Each_view_reads_what_the_database_holds_now_through_the_kept_statement()
    {
        var candidate = await portal.CandidateAsync(10);
        var client = await portal.ClientForCandidateAsync(candidate);
        var expected = await portal.WithDbAsync(db => db.Interviews.Where(i => i.CandidateId == candidate.Id)
            .Select(i => new { i.Id, Room = i.ExamRoom.Name, College = i.Candidate.College.Name, i.Candidate.Major.Code }).SingleAsync());
        var first = await MeAsync(client);
        Assert.Equal(candidate.ExamNumber, first.GetProperty("examNumber").GetString());
        Assert.Equal(expected.College, first.GetProperty("college").GetString());
        Assert.Equal(expected.Code, first.GetProperty("majorCode").GetString());
        Assert.Equal(expected.Id, first.GetProperty("interview").GetProperty("id").GetInt32());
        Assert.Equal(expected.Room, first.GetProperty("interview").GetProperty("room").GetString());

        // The same statement again (the same pooled context and connection serve this client's requests in turn).
        var later = new DateTime(2031, 3, 4, 2, 0, 0, DateTimeKind.Utc);
        await MoveInterviewAsync(candidate.Id, later);
        var moved = (await MeAsync(client)).GetProperty("interview");
        Assert.Equal(later, moved.GetProperty("startsAt").GetDateTime().ToUniversalTime());
        Assert.Equal(20, moved.GetProperty("durationMinutes").GetInt32());
        Assert.Equal("Scheduled", moved.GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_page_counts_the_reports_in_its_one_statement()
    {
        var candidate = await portal.CandidateAsync(11);
        var (client, landing) = await portal.PageClientForCandidateAsync(candidate);
        Assert.DoesNotContain("已提交", await landing.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var api = await portal.ClientForCandidateAsync(candidate);
        (await api.PostAsJsonAsync("/api/v1/me/assignment-reports", new { message = "我报考的是软件工程，不是计算机科学。" })).EnsureSuccessStatusCode();
        (await api.PostAsJsonAsync("/api/v1/me/assignment-reports", new { message = "学院也不对，请核实。" })).EnsureSuccessStatusCode();

        Assert.Contains("已提交 2 条报告", await client.GetStringAsync("/Me"), StringComparison.Ordinal);
        Assert.False((await MeAsync(api)).TryGetProperty("assignmentReports", out _)); // the API does not show it
    }

    [Fact]
    public async Task The_page_carries_an_antiforgery_token_only_where_it_writes_or_follows_the_room_live()
    {
        var candidate = await portal.CandidateAsync(12);
        await MoveInterviewAsync(candidate.Id, DateTime.UtcNow.AddDays(3));
        var (client, landing) = await portal.PageClientForCandidateAsync(candidate);

        // Days ahead, not notified: nothing on the page posts, and no push concerns the candidate yet.
        var ahead = await landing.Content.ReadAsStringAsync();
        Assert.Contains("id=\"me-meeting\"", ahead, StringComparison.Ordinal);
        Assert.DoesNotContain("__RequestVerificationToken", ahead, StringComparison.Ordinal);
        Assert.Contains("data-follow=\"no\"", ahead, StringComparison.Ordinal);

        // On the interview's day (Beijing time) the page follows the room and carries the token the hub's negotiation needs.
        var localNow = DateTime.UtcNow.AddHours(8);
        var today = localNow.Hour < 23 ? DateTime.UtcNow.AddMinutes(30) : DateTime.UtcNow.AddMinutes(-30);
        await MoveInterviewAsync(candidate.Id, today);
        var onTheDay = await client.GetStringAsync("/Me");
        Assert.Contains("data-follow=\"live\"", onTheDay, StringComparison.Ordinal);
        Assert.Contains("name=\"__RequestVerificationToken\"", onTheDay, StringComparison.Ordinal);

        // Notified days ahead: the photo form posts, so it carries the token (the page still does not follow the room).
        await MoveInterviewAsync(candidate.Id, DateTime.UtcNow.AddDays(3));
        await portal.NotifyAsync(await portal.WithDbAsync(db => db.Interviews.Where(i => i.CandidateId == candidate.Id).Select(i => i.Id).SingleAsync()));
        var notified = await client.GetStringAsync("/Me");
        Assert.Contains("id=\"me-photo-form\"", notified, StringComparison.Ordinal);
        Assert.Contains("name=\"__RequestVerificationToken\"", notified, StringComparison.Ordinal);
        Assert.Contains("data-follow=\"no\"", notified, StringComparison.Ordinal);
    }
}

public sealed class FirstVisitSqliteTests(NoCopySqlitePortalFactory portal) : FirstVisitTests(portal), IClassFixture<NoCopySqlitePortalFactory>
{
    /// <summary>
    /// The kept SQLite statement runs on a connection held open between requests: a write by another connection
    /// (another process, the portal never hears of it) is still seen by the next view.
    /// </summary>
    [Fact]
    public async Task A_write_behind_the_portals_back_is_seen_by_the_next_view()
    {
        var candidate = await portal.CandidateAsync(13);
        var client = await portal.ClientForCandidateAsync(candidate);
        Assert.Equal(candidate.Name, (await client.GetFromJsonAsync<JsonElement>("/api/v1/me")).GetProperty("name").GetString());

        await using (var connection = new SqliteConnection(portal.Database.ConnectionString))
        {
            await connection.OpenAsync();
            await using var update = connection.CreateCommand();
            update.CommandText = "UPDATE Candidates SET Name = $name WHERE Id = $id";
            update.Parameters.AddWithValue("$name", "改过的名字");
            update.Parameters.AddWithValue("$id", candidate.Id);
            Assert.Equal(1, await update.ExecuteNonQueryAsync());
        }

        Assert.Equal("改过的名字", (await client.GetFromJsonAsync<JsonElement>("/api/v1/me")).GetProperty("name").GetString());
    }
}

public sealed class FirstVisitPostgresTests(NoCopyPostgresPortalFactory portal) : FirstVisitTests(portal), IClassFixture<NoCopyPostgresPortalFactory>;
