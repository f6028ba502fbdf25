using System.Net.Http.Json;
using System.Text.Json;
using InterviewPortal.Data;
using InterviewPortal.Data.Pledges;
using System.Text.RegularExpressions;
using InterviewPortal.IntegrationTests.CandidateAuth;
using InterviewPortal.IntegrationTests.ExamDay;
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

    private Task MoveInterviewAsync(int candidateId, DateTime startsAtUtc) => portal.WithDbAsync(async db =>
    {
        var interview = await db.Interviews.Include(i => i.ExamRoom).SingleAsync(i => i.CandidateId == candidateId);
        interview.Reschedule(interview.ExamRoom, startsAtUtc, 20);
        await db.SaveChangesAsync();
    });

    /// <summary>The page, and whether it was the kept one (the output cache gives a kept answer its Age).</summary>
    private static async Task<(string Html, bool Kept)> ViewAsync(HttpClient client, string culture)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Me");
        request.Headers.Add("Cookie", $".AspNetCore.Culture=c={culture}|uic={culture}");
        using var response = await client.SendAsync(request);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadAsStringAsync(), response.Headers.Age is not null);
    }

    private static async Task<string> PageAsync(HttpClient client, string culture, bool kept)
    {
        var view = await ViewAsync(client, culture);
        Assert.Equal(kept, view.Kept);
        return view.Html;
    }

    /// <summary>
    /// The rendered page is kept beside the record (Features/Me/MyPageCopy): per candidate and language, forgotten at
    /// the same writes. A name written behind the portal's back is not seen while the page is kept; the same
    /// candidate's page in the other language is a page of its own; another candidate never gets this one's page.
    /// </summary>
    [Fact]
    public async Task The_rendered_page_is_kept_per_candidate_and_language_and_forgotten_at_the_same_writes()
    {
        var candidate = await portal.CandidateAsync(6);
        var other = await portal.CandidateAsync(7);
        await MoveInterviewAsync(candidate.Id, DateTime.UtcNow.AddDays(3)); // no form on the page: nothing forbids keeping it
        await MoveInterviewAsync(other.Id, DateTime.UtcNow.AddDays(3));
        var client = await portal.ClientForCandidateAsync(candidate);
        var otherClient = await portal.ClientForCandidateAsync(other);

        var first = await PageAsync(client, "zh-CN", kept: false);
        Assert.Contains(candidate.Name, first, StringComparison.Ordinal);
        Assert.Contains("我的复试", first, StringComparison.Ordinal);
        var otherPage = await PageAsync(otherClient, "zh-CN", kept: false);
        Assert.Contains(other.Name, otherPage, StringComparison.Ordinal);
        Assert.DoesNotContain(candidate.Name, otherPage, StringComparison.Ordinal);

        await RenameBehindThePortalAsync(candidate.Id, "页面副本外的名字");
        Assert.Equal(first, await PageAsync(client, "zh-CN", kept: true)); // the kept page, byte for byte
        var english = await PageAsync(client, "en-US", kept: false);
        Assert.Contains("My interview", english, StringComparison.Ordinal);
        Assert.DoesNotContain("我的复试", english, StringComparison.Ordinal);

        // A save through the portal of something the page shows: both languages are read and rendered again.
        await portal.WithDbAsync(async db =>
        {
            var room = await db.Interviews.Where(i => i.CandidateId == candidate.Id).Select(i => i.ExamRoom).FirstAsync();
            room.Name += "（改）";
            await db.SaveChangesAsync();
        });
        Assert.Contains("页面副本外的名字", await PageAsync(client, "zh-CN", kept: false), StringComparison.Ordinal);
        Assert.Contains("页面副本外的名字", await PageAsync(client, "en-US", kept: false), StringComparison.Ordinal);
        Assert.Contains("页面副本外的名字", await PageAsync(client, "en-US", kept: true), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_view_carrying_an_antiforgery_token_is_never_kept()
    {
        var candidate = await portal.CandidateAsync(8);
        await MoveInterviewAsync(candidate.Id, DateTime.UtcNow.AddDays(3));
        await portal.NotifyAsync(await portal.WithDbAsync(db => db.Interviews.Where(i => i.CandidateId == candidate.Id).Select(i => i.Id).SingleAsync()));
        var (client, _) = await portal.PageClientForCandidateAsync(candidate); // a browser: it already has the antiforgery cookie

        // The ID-photo form posts with this browser's token; a kept view would give every later view the same token.
        var tokens = new List<string>();
        for (var view = 0; view < 2; view++)
        {
            var (page, kept) = await ViewAsync(client, "zh-CN");
            Assert.False(kept);
            Assert.Contains("id=\"me-photo-form\"", page, StringComparison.Ordinal);
            tokens.Add(Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value);
        }
        Assert.All(tokens, t => Assert.NotEmpty(t));
        Assert.NotEqual(tokens[0], tokens[1]);
    }
}
