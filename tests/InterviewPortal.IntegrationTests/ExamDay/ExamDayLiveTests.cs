using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InterviewPortal.Data.Interviews;
using InterviewPortal.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.IntegrationTests.ExamDay;

public class ExamDayLiveTests(SqlitePortalFactory portal) : IClassFixture<SqlitePortalFactory>
{
    [Fact]
    public async Task Completing_before_the_invitation_is_409_and_changes_nothing()
    {
        var interview = await VerifiedInterviewAsync("assistant1");
        var client = await portal.ClientForStaffAsync("assistant1");

        var response = await client.PostAsync($"/api/v1/interviews/{interview.Id}/complete", null);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("IdVerified", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal(InterviewStatus.IdVerified, await StatusOf(interview.Id));
        Assert.False(await portal.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Entity == "Interview" && a.EntityId == interview.Id.ToString())));
    }

    [Fact]
    public async Task The_assistant_walks_an_interview_through_scan_interruption_reinvite_completion_and_end_with_audits()
    {
        var interview = await VerifiedInterviewAsync("assistant1");
        await portal.MoveAsync(interview.Id, i => i.Invite(DateTime.UtcNow)); // the invitation job is another feature's
        var client = await portal.ClientForStaffAsync("assistant1");

        async Task<string> Move(string move)
        {
            var response = await client.PostAsync($"/api/v1/interviews/{interview.Id}/{move}", null);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(interview.Id, body.GetProperty("id").GetInt32());
            Assert.EndsWith("+08:00", body.GetProperty("startsAtLocal").GetString());
            return body.GetProperty("status").GetString()!;
        }

        Assert.Equal("InProgress", await Move("room-scan-accepted"));
        Assert.Equal("Interrupted", await Move("interrupt"));
        await portal.MoveAsync(interview.Id, i => i.Invite(DateTime.UtcNow));
        Assert.Equal("InProgress", await Move("room-scan-accepted"));
        Assert.Equal("Completed", await Move("complete"));
        Assert.Equal("Ended", await Move("end"));
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsync($"/api/v1/interviews/{interview.Id}/end", null)).StatusCode);

        var audits = await portal.WithDbAsync(db => db.AuditEntries.Where(a => a.Entity == "Interview" && a.EntityId == interview.Id.ToString())
            .OrderBy(a => a.Id).Select(a => new { a.Action, a.Actor }).ToListAsync());
        Assert.Equal(["interview.room-scan-accepted", "interview.interrupted", "interview.room-scan-accepted", "interview.completed", "interview.ended"], audits.Select(a => a.Action));
        Assert.All(audits, a => Assert.Equal("assistant1", a.Actor));
        Assert.NotNull(await portal.WithDbAsync(db => db.Interviews.Where(i => i.Id == interview.Id).Select(i => i.FinishedAt).FirstAsync()));
    }

    [Fact]
    public async Task Another_rooms_assistant_and_a_secretary_cannot_move_an_interview()
    {
        var interview = await portal.NotifiedInterviewAsync("assistant1");
        Assert.Equal(HttpStatusCode.NotFound, (await (await portal.ClientForStaffAsync("assistant2")).PostAsync($"/api/v1/interviews/{interview.Id}/absent", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await portal.ClientForStaffAsync("secretary1")).PostAsync($"/api/v1/interviews/{interview.Id}/absent", null)).StatusCode);
        Assert.Equal(InterviewStatus.Notified, await StatusOf(interview.Id));
    }

    [Fact]
    public async Task A_secretary_watching_the_college_and_the_rooms_assistant_receive_the_push_and_another_room_does_not()
    {
        var interview = await portal.NotifiedInterviewAsync("assistant1");
        await using var secretary = await ConnectAsync("secretary1");
        await using var otherRoom = await ConnectAsync("assistant2");
        var forSecretary = Expect(secretary.Connection, interview.Id);
        var forOtherRoom = Expect(otherRoom.Connection, interview.Id);

        var client = await portal.ClientForStaffAsync("assistant1");
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/v1/interviews/{interview.Id}/absent", null)).StatusCode);

        var row = await forSecretary.WaitAsync(TimeSpan.FromSeconds(15));
        Assert.Equal("Absent", row.GetProperty("status").GetString());
        Assert.Equal(await portal.RoomOfAsync("assistant1"), row.GetProperty("roomId").GetInt32());
        Assert.Equal(["end"], row.GetProperty("actions").EnumerateArray().Select(a => a.GetString()));
        await Task.Delay(500);
        Assert.False(forOtherRoom.IsCompleted, "an assistant of another room received the push");
    }

    [Fact]
    public async Task The_broadcaster_pushes_changes_made_by_other_features_jobs()
    {
        var interview = await portal.NotifiedInterviewAsync("assistant2");
        await using var assistant = await ConnectAsync("assistant2");
        var received = Expect(assistant.Connection, interview.Id);

        await portal.MoveAsync(interview.Id, i => i.MarkAbsent(DateTime.UtcNow));
        var broadcaster = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<InterviewPortal.Web.Features.Live.ExamDayBroadcaster>(portal.Services);
        await broadcaster.InterviewChangedAsync(interview.Id, CancellationToken.None);

        Assert.Equal("Absent", (await received.WaitAsync(TimeSpan.FromSeconds(15))).GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_console_lists_todays_interviews_of_my_rooms_in_order_with_their_moves()
    {
        var room = await portal.RoomOfAsync("assistant1");
        // The day of the demo's first interviews (30–155 minutes after seeding): near Beijing midnight that is tomorrow.
        var firstStart = await portal.WithDbAsync(db => db.Interviews.Where(i => i.ExamRoomId == room && i.StartsAt > DateTime.UtcNow.AddHours(-1))
            .OrderBy(i => i.StartsAt).Select(i => i.StartsAt).FirstAsync());
        var day = "?date=" + InterviewPortal.Web.Infrastructure.Time.BeijingTime.ToLocal(firstStart)
            .ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var console = await (await portal.ClientForStaffAsync("assistant1")).GetFromJsonAsync<JsonElement>("/api/v1/exam-day/console" + day);
        Assert.Equal([room], console.GetProperty("rooms").EnumerateArray().Select(r => r.GetProperty("id").GetInt32()));
        var rows = console.GetProperty("interviews").EnumerateArray().ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal(room, r.GetProperty("roomId").GetInt32()));
        var starts = rows.Select(r => r.GetProperty("startsAt").GetDateTime()).ToList();
        Assert.Equal(starts.Order(), starts);
        Assert.All(rows, r => Assert.True(r.TryGetProperty("pledge", out _) && r.TryGetProperty("invitation", out _) && r.TryGetProperty("kind", out _)));

        var secretaryView = await (await portal.ClientForStaffAsync("secretary1")).GetFromJsonAsync<JsonElement>("/api/v1/exam-day/console" + day);
        Assert.All(secretaryView.GetProperty("interviews").EnumerateArray(), r => Assert.Empty(r.GetProperty("actions").EnumerateArray()));

        var browser = portal.CreateClient();
        await browser.SignInStaffAsync("assistant1");
        var page = await browser.GetStringAsync("/Console");
        Assert.Contains("/js/console.js", page);
        Assert.Contains("aria-live", page);
        Assert.DoesNotContain(" style=\"", page);

        // Another day on request (preparing tomorrow); a date that is not one falls back to today, never a 500.
        Assert.Contains("data-date=\"2027-03-15\"", await browser.GetStringAsync("/Console?date=2027-03-15"));
        var fallback = await browser.GetAsync("/Console?date=not-a-day");
        Assert.Equal(HttpStatusCode.OK, fallback.StatusCode);
        Assert.DoesNotContain("data-date=\"not-a-day\"", await fallback.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_college_view_flags_interruptions_failed_invitations_and_late_verifications_in_scope_only()
    {
        var (college, otherCollege) = await portal.WithDbAsync(async db =>
        {
            var own = await db.Users.Where(u => u.UserName == "secretary1").Select(u => u.CollegeId!.Value).FirstAsync();
            return (own, await db.Colleges.Where(c => c.Id != own).Select(c => c.Id).FirstAsync());
        });
        // The view is of today in Beijing: two minutes before its midnight, "in two minutes" is tomorrow. Wait it out.
        var beijingNow = InterviewPortal.Web.Infrastructure.Time.BeijingTime.ToLocal(DateTime.UtcNow);
        if (beijingNow.AddMinutes(3).Date != beijingNow.Date)
            await Task.Delay(beijingNow.Date.AddDays(1) - beijingNow.DateTime + TimeSpan.FromSeconds(5));
        // One interview starting in two minutes, not verified; one whose invitation failed; one whose invitation has
        // been "sending" for ten minutes (its process died mid-send) and one sending right now.
        var (soon, failed, stuck, inFlight) = await portal.WithDbAsync(async db =>
        {
            var room = await db.ExamRooms.Where(r => r.CollegeId == college).FirstAsync();
            var free = await db.Candidates.Where(c => c.CollegeId == college && !c.Interviews.Any()).Take(4).ToListAsync();
            var soonInterview = Interview.Book(free[0], room, DateTime.UtcNow.AddMinutes(2), 20, InterviewKind.Exam);
            var failedInterview = Interview.Book(free[1], room, DateTime.UtcNow.AddMinutes(1), 20, InterviewKind.Rehearsal);
            var stuckInterview = Interview.Book(free[2], room, DateTime.UtcNow.AddMinutes(1), 20, InterviewKind.Rehearsal);
            var inFlightInterview = Interview.Book(free[3], room, DateTime.UtcNow.AddMinutes(1), 20, InterviewKind.Rehearsal);
            db.Interviews.AddRange(soonInterview, failedInterview, stuckInterview, inFlightInterview);
            await db.SaveChangesAsync();
            foreach (var verified in new[] { failedInterview, stuckInterview, inFlightInterview })
            {
                await db.NotifyAsync(verified.Id);
                verified.SubmitIdPhoto();
                verified.VerifyId();
            }
            db.MeetingInvitations.Add(new MeetingInvitation { InterviewId = failedInterview.Id, Status = InvitationStatus.Failed, LastError = "WeLink timeout", Attempts = 3 });
            db.MeetingInvitations.Add(new MeetingInvitation { InterviewId = stuckInterview.Id, Status = InvitationStatus.Sending, ClaimedAt = DateTime.UtcNow.AddMinutes(-10), Attempts = 1 });
            db.MeetingInvitations.Add(new MeetingInvitation { InterviewId = inFlightInterview.Id, Status = InvitationStatus.Sending, ClaimedAt = DateTime.UtcNow.AddSeconds(-30), Attempts = 1 });
            await db.SaveChangesAsync();
            return (soonInterview.Id, failedInterview.Id, stuckInterview.Id, inFlightInterview.Id);
        });

        var secretary = await portal.ClientForStaffAsync("secretary1");
        secretary.DefaultRequestHeaders.AcceptLanguage.Clear(); // no Accept-Language: the API answers in zh-CN
        var view = await secretary.GetFromJsonAsync<JsonElement>($"/api/v1/colleges/{college}/exam-day");
        static List<int> Ids(JsonElement list) => list.EnumerateArray().Select(r => r.GetProperty("id").GetInt32()).ToList();
        Assert.Contains(soon, Ids(view.GetProperty("unverified")));
        Assert.DoesNotContain(failed, Ids(view.GetProperty("unverified")));
        Assert.Contains(failed, Ids(view.GetProperty("failedInvitations")));
        Assert.Contains(stuck, Ids(view.GetProperty("failedInvitations")));
        Assert.DoesNotContain(inFlight, Ids(view.GetProperty("failedInvitations")));
        var stuckRow = view.GetProperty("failedInvitations").EnumerateArray().Single(r => r.GetProperty("id").GetInt32() == stuck);
        Assert.Contains("发送进程已停止", stuckRow.GetProperty("invitationError").GetString(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NotFound, (await secretary.GetAsync($"/api/v1/colleges/{otherCollege}/exam-day")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await portal.ClientForStaffAsync("assistant1")).GetAsync($"/api/v1/colleges/{college}/exam-day")).StatusCode);

        var browser = portal.CreateClient();
        await browser.SignInStaffAsync("secretary1");
        var page = await browser.GetStringAsync("/College");
        Assert.Contains("WeLink timeout", page);
        Assert.DoesNotContain(" style=\"", page);
    }

    private sealed class Watcher(HubConnection connection) : IAsyncDisposable
    {
        public HubConnection Connection { get; } = connection;
        public ValueTask DisposeAsync() => Connection.DisposeAsync();
    }

    private async Task<Watcher> ConnectAsync(string userName)
    {
        var token = await TokenAsync(userName);
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(portal.Server.BaseAddress, "/hubs/exam-day"), o =>
            {
                o.HttpMessageHandlerFactory = _ => portal.Server.CreateHandler();
                o.Transports = HttpTransportType.LongPolling;
                o.AccessTokenProvider = () => Task.FromResult<string?>(token);
            })
            .Build();
        await connection.StartAsync();
        return new Watcher(connection);
    }

    private static Task<JsonElement> Expect(HubConnection connection, int interviewId)
    {
        var received = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.On<JsonElement>("interviewChanged", row =>
        {
            if (row.GetProperty("id").GetInt32() == interviewId)
                received.TrySetResult(row);
        });
        return received.Task;
    }

    private async Task<string> TokenAsync(string userName)
    {
        var client = await portal.ClientForStaffAsync(userName);
        return client.DefaultRequestHeaders.Authorization!.Parameter!;
    }

    private async Task<Interview> VerifiedInterviewAsync(string assistant)
    {
        var interview = await portal.NotifiedInterviewAsync(assistant);
        await portal.MoveAsync(interview.Id, i => { i.SubmitIdPhoto(); i.VerifyId(); });
        return interview;
    }

    private Task<InterviewStatus> StatusOf(int interviewId) =>
        portal.WithDbAsync(db => db.Interviews.Where(i => i.Id == interviewId).Select(i => i.Status).FirstAsync());
}
