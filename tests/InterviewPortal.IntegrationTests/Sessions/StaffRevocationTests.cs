using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InterviewPortal.IntegrationTests.Infrastructure;
using InterviewPortal.Web.Features.Live;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewPortal.IntegrationTests.Sessions;

/// <summary>
/// Each way an admin changes who a staff account is ends that account's page cookie, bearer token, refresh token and
/// live connection at once on the node that made the change; a change made elsewhere (straight in the database, as
/// another node would) within the check interval. Run on SQLite and PostgreSQL.
/// </summary>
public abstract class StaffRevocationTests<TFactory>(TFactory portal) where TFactory : SessionPortalFactory
{
    private const string Probe = "/api/v1/candidates";

    [Fact]
    public async Task A_password_reset_ends_every_session_and_the_new_password_signs_in()
    {
        var (admin, sessions) = await ArrangeAsync("reset");
        var reset = await admin.PostAsJsonAsync($"/api/v1/staff/{sessions.Id}/reset-password", new { password = "Changed#2026" });
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);

        await portal.AssertAllEndedAsync(sessions, Probe);
        var fresh = await portal.TokenAsync(sessions.UserName, "Changed#2026");
        Assert.Equal(HttpStatusCode.OK, (await portal.WithBearer(fresh.AccessToken).GetAsync(Probe)).StatusCode);
    }

    [Fact]
    public async Task Disabling_ends_every_session_and_enabling_lets_the_account_sign_in_again()
    {
        var (admin, sessions) = await ArrangeAsync("disable");
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/v1/staff/{sessions.Id}/disable", null)).StatusCode);

        await portal.AssertAllEndedAsync(sessions, Probe);
        var listed = await SessionKit.AccountAsync(admin, sessions.UserName);
        Assert.True(listed.GetProperty("disabled").GetBoolean());
        Assert.NotEqual(JsonValueKind.Null, listed.GetProperty("disabledAt").ValueKind);
        Assert.Contains(await portal.WithDbAsync(db => db.AuditEntries.Select(a => a.Action).ToListAsync()), a => a == "staff.disabled");

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/v1/staff/{sessions.Id}/enable", null)).StatusCode);
        Assert.False((await SessionKit.AccountAsync(admin, sessions.UserName)).GetProperty("disabled").GetBoolean());
        var fresh = await portal.TokenAsync(sessions.UserName);
        Assert.Equal(HttpStatusCode.OK, (await portal.WithBearer(fresh.AccessToken).GetAsync(Probe)).StatusCode);
        var page = portal.CreateClient();
        await page.SignInStaffAsync(sessions.UserName, SessionKit.Password);
        Assert.Equal(HttpStatusCode.OK, (await page.GetAsync(Probe)).StatusCode);
    }

    [Fact]
    public async Task A_role_change_ends_every_session_and_the_next_sign_in_has_the_new_role()
    {
        var (admin, sessions) = await ArrangeAsync("role");
        var changed = await admin.PutAsJsonAsync($"/api/v1/staff/{sessions.Id}/role", new { role = "Assistant" });
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);

        await portal.AssertAllEndedAsync(sessions, Probe);
        var fresh = portal.WithBearer((await portal.TokenAsync(sessions.UserName)).AccessToken);
        Assert.Equal(HttpStatusCode.Forbidden, (await fresh.GetAsync(Probe)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fresh.GetAsync("/api/v1/verifications")).StatusCode);
    }

    [Fact]
    public async Task Moving_a_secretary_to_another_college_ends_every_session()
    {
        var (admin, sessions) = await ArrangeAsync("scope");
        var colleges = await portal.WithDbAsync(db => db.Colleges.OrderBy(c => c.Id).Select(c => c.Id).ToListAsync());
        var changed = await admin.PutAsJsonAsync($"/api/v1/staff/{sessions.Id}/role", new { role = "Secretary", collegeId = colleges[1] });
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);

        await portal.AssertAllEndedAsync(sessions, Probe);
        var fresh = portal.WithBearer((await portal.TokenAsync(sessions.UserName)).AccessToken);
        var seen = await fresh.GetFromJsonAsync<JsonElement>("/api/v1/candidates?pageSize=200");
        Assert.All(seen.GetProperty("items").EnumerateArray(), c => Assert.Equal(colleges[1], c.GetProperty("collegeId").GetInt32()));
    }

    [Fact]
    public async Task A_revocation_saved_by_another_node_counts_here_within_the_check_interval()
    {
        var (_, sessions) = await ArrangeAsync("elsewhere");
        // Another node's save: straight to the database, so this node's copy of the stamp is not told.
        await portal.WithDbAsync(db => db.Users.Where(u => u.Id == sessions.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.SecurityStamp, "changed-elsewhere").SetProperty(u => u.DisabledAt, DateTime.UtcNow)));

        // Within the interval this node may still trust what it read; past it, it must not.
        portal.Clock.Skip(TimeSpan.FromSeconds(61));
        Assert.Equal(HttpStatusCode.Unauthorized, (await sessions.Bearer.GetAsync(Probe)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await sessions.Cookie.GetAsync(Probe)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await portal.RefreshAsync(sessions.Token.RefreshToken)).StatusCode);
        // The node's periodic sweep (run here instead of waiting for its timer) closes the live connection.
        await portal.Services.GetRequiredService<LiveSessionSweep>().SweepAsync(CancellationToken.None);
        await sessions.AssertLiveClosedAsync();
    }

    [Fact]
    public async Task The_stamp_copy_is_trusted_for_at_most_the_check_interval()
    {
        var (_, sessions) = await ArrangeAsync("interval");
        await portal.WithDbAsync(db => db.Users.Where(u => u.Id == sessions.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.SecurityStamp, "changed-elsewhere")));

        // The copy read when the sessions were checked a moment ago still stands...
        Assert.Equal(HttpStatusCode.OK, (await sessions.Bearer.GetAsync(Probe)).StatusCode);
        portal.Clock.Skip(TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.OK, (await sessions.Bearer.GetAsync(Probe)).StatusCode);
        // ...and not a second past 60 s after it was read.
        portal.Clock.Skip(TimeSpan.FromSeconds(31));
        Assert.Equal(HttpStatusCode.Unauthorized, (await sessions.Bearer.GetAsync(Probe)).StatusCode);
        await sessions.DisposeAsync();
    }

    [Fact]
    public async Task Handing_an_assistants_room_to_another_closes_their_live_connection()
    {
        var id = await portal.CreateStaffAsync("live-assistant", "Assistant");
        var room = await portal.WithDbAsync(async db =>
        {
            var r = await db.ExamRooms.OrderByDescending(x => x.Id).FirstAsync();
            return r.Id;
        });
        var token = await portal.TokenAsync("live-assistant");
        await using var live = new StaffSessions(id, "live-assistant", portal.CreateClient(), portal.WithBearer(token.AccessToken), token,
            await portal.ConnectLiveAsync(token.AccessToken));
        var sweep = portal.Services.GetRequiredService<LiveSessionSweep>();
        await sweep.SweepAsync(CancellationToken.None);
        Assert.False(live.LiveClosed.IsCompleted, "Nothing changed, yet the connection was closed.");

        await portal.WithDbAsync(db => db.ExamRooms.Where(r => r.Id == room).ExecuteUpdateAsync(s => s.SetProperty(r => r.AssistantUserId, id)));
        await sweep.SweepAsync(CancellationToken.None);

        await live.AssertLiveClosedAsync();
    }

    private async Task<(HttpClient Admin, StaffSessions Sessions)> ArrangeAsync(string name)
    {
        var userName = $"{name}-{Guid.NewGuid():N}"[..24];
        var id = await portal.CreateStaffAsync(userName);
        var admin = await portal.ClientForStaffAsync("admin");
        return (admin, await portal.SignInEverywhereAsync(id, userName, Probe));
    }
}

public class StaffRevocationSqliteTests(SqliteSessionFactory portal) : StaffRevocationTests<SqliteSessionFactory>(portal), IClassFixture<SqliteSessionFactory>;

public class StaffRevocationPostgresTests(PostgresSessionFactory portal) : StaffRevocationTests<PostgresSessionFactory>(portal), IClassFixture<PostgresSessionFactory>;
