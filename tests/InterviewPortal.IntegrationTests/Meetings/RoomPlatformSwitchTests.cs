using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using InterviewPortal.Data.Interviews;
using InterviewPortal.Data.Rooms;
using InterviewPortal.IntegrationTests.ExamDay;
using InterviewPortal.IntegrationTests.FakeTencentMeeting;
using InterviewPortal.IntegrationTests.FakeWeLink;
using InterviewPortal.IntegrationTests.Infrastructure;
using InterviewPortal.IntegrationTests.Notifications;
using InterviewPortal.IntegrationTests.WeLink;
using InterviewPortal.Web.Features.Invitations;
using InterviewPortal.Web.Features.Notifications;
using InterviewPortal.Web.Infrastructure.Database;
using InterviewPortal.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewPortal.IntegrationTests.Meetings;

/// <summary>POST /api/v1/rooms/{id}/meeting-platform over both fake servers (WeLink and Tencent Meeting on loopback).</summary>
public sealed class RoomPlatformSwitchTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Two_people_switching_at_once_create_one_backup_meeting_and_tell_each_candidate_once(DatabaseProvider provider)
    {
        await using var servers = await Servers.StartAsync(provider);
        var (portal, tencent) = (servers.Portal, servers.Tencent);
        var room = await portal.RoomOfAsync("assistant1");
        var interviewId = await portal.BookAsync(DateTime.UtcNow.AddMinutes(40));
        var candidate = await portal.WithDbAsync(db => db.Interviews.Where(i => i.Id == interviewId).Select(i => i.CandidateId).FirstAsync());
        var me = portal.ClientForCandidate(candidate);
        Assert.Null((await MeAsync(me))["interview"]!["meetingCode"]); // read once: the record is now in the node's copy
        tencent.Delay = TimeSpan.FromMilliseconds(300); // both presses are in flight while the meeting is created
        var assistant = await portal.ClientForStaffAsync("assistant1");
        var secretary = await portal.ClientForStaffAsync("secretary1");

        var answers = await Task.WhenAll(Switch(assistant, room, "Backup"), Switch(secretary, room, "Backup"));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        var bodies = await Task.WhenAll(answers.Select(a => a.Content.ReadFromJsonAsync<JsonObject>()));
        Assert.Single(tencent.Accepted("POST", "/v1/meetings"));
        var code = bodies[0]!["meetingCode"]!.ToString();
        Assert.Equal(code, bodies[1]!["meetingCode"]!.ToString());
        Assert.Equal("TencentMeeting", bodies[0]!["platform"]!.ToString());
        Assert.StartsWith("https://meeting.tencent.com/dm/", bodies[0]!["joinUrl"]!.ToString(), StringComparison.Ordinal);
        // The candidate's page answers the new code at once, although its copy had not expired (MyInterview:CacheSeconds).
        var mine = (await MeAsync(me))["interview"]!;
        Assert.Equal(("TencentMeeting", code), (mine["platform"]!.ToString(), mine["meetingCode"]!.ToString()));

        var waiting = await ActiveCandidatesTodayAsync(portal, room);
        var messages = await MessagesAsync(portal);
        Assert.Contains(candidate, waiting);
        Assert.Equal(waiting.Order(), messages.Select(m => m.CandidateId!.Value).Order()); // one each, nobody twice
        Assert.All(messages, m => Assert.Contains(code, m.Text, StringComparison.Ordinal));
        Assert.Equal(1, await portal.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "room.platform-switched")));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Switching_back_returns_the_room_to_WeLink_and_tells_the_candidates_again(DatabaseProvider provider)
    {
        await using var servers = await Servers.StartAsync(provider);
        var portal = servers.Portal;
        var room = await portal.RoomOfAsync("assistant1");
        var interviewId = await portal.BookAsync(DateTime.UtcNow.AddMinutes(40));
        var candidate = await portal.WithDbAsync(db => db.Interviews.Where(i => i.Id == interviewId).Select(i => i.CandidateId).FirstAsync());
        var assistant = await portal.ClientForStaffAsync("assistant1");
        Assert.Equal(HttpStatusCode.OK, (await Switch(assistant, room, "Backup")).StatusCode);

        var back = await Switch(assistant, room, "Primary");
        var again = await Switch(assistant, room, "Primary"); // already there: nothing new happens

        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        Assert.Equal("WeLink", (await back.Content.ReadFromJsonAsync<JsonObject>())!["platform"]!.ToString());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(MeetingPlatform.Primary, await portal.WithDbAsync(db => db.RoomMeetings.Where(m => m.ExamRoomId == room).Select(m => m.Platform).FirstAsync()));
        Assert.Equal(2, await portal.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "room.platform-switched")));
        Assert.Equal(2, (await MessagesAsync(portal)).Count(m => m.CandidateId == candidate));
        Assert.Null((await MeAsync(portal.ClientForCandidate(candidate)))["interview"]!["meetingCode"]); // not invited on WeLink yet
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task After_the_switch_the_next_invitation_and_admission_go_to_the_backup_meeting(DatabaseProvider provider)
    {
        await using var servers = await Servers.StartAsync(provider);
        var (portal, tencent, welink) = (servers.Portal, servers.Tencent, servers.WeLink);
        var room = await portal.RoomOfAsync("assistant1");
        var assistant = await portal.ClientForStaffAsync("assistant1");
        var (interviewId, invitationId) = await InvitedAsync(portal, 35);
        var switched = await (await Switch(assistant, room, "Backup")).Content.ReadFromJsonAsync<JsonObject>();
        var meeting = await portal.WithDbAsync(db => db.RoomMeetings.AsNoTracking().FirstAsync(m => m.ExamRoomId == room));
        var candidate = await portal.WithDbAsync(db => db.Interviews.Where(i => i.Id == interviewId).Select(i => i.Candidate).FirstAsync());
        // Another person waits too: only the candidate named for the slot is admitted.
        tencent.Waiting[meeting.BackupMeetingId!] = [("K000 someone else", "open-other"), ($"{candidate.ExamNumber} {candidate.Name}", "open-candidate")];

        await using (var scope = portal.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<SendInvitationJob>().RunAsync(invitationId, default);

        var admitted = Assert.Single(tencent.Accepted("PUT", $"/v1/real-control/meetings/{meeting.BackupMeetingId}/waiting-room"));
        Assert.Contains("open-candidate", admitted.Body, StringComparison.Ordinal);
        Assert.Equal(["K000 someone else"], tencent.Waiting[meeting.BackupMeetingId!].Select(p => p.Name));
        Assert.Empty(welink.To("/v1/mmc/control/conferences/participants"));
        Assert.Empty(welink.To("/v1/mmc/management/conferences"));
        var invitation = await portal.WithDbAsync(db => db.MeetingInvitations.AsNoTracking().FirstAsync(i => i.Id == invitationId));
        Assert.Equal(InvitationStatus.Sent, invitation.Status);
        Assert.Equal(switched!["meetingCode"]!.ToString(), invitation.MeetingId);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Rationed_creation_is_told_to_the_person_and_not_retried(DatabaseProvider provider)
    {
        await using var servers = await Servers.StartAsync(provider);
        var (portal, tencent) = (servers.Portal, servers.Tencent);
        tencent.CreationsAllowed = 0;
        var room = await portal.RoomOfAsync("assistant1");
        var assistant = await portal.ClientForStaffAsync("assistant1");

        var answer = await Switch(assistant, room, "Backup");

        Assert.Equal(HttpStatusCode.Conflict, answer.StatusCode);
        Assert.Contains("9008", (await answer.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.ToString(), StringComparison.Ordinal);
        Assert.Single(tencent.Requests, r => r.Method == "POST" && r.PathAndQuery == "/v1/meetings");
        var session = await portal.WithDbAsync(db => db.RoomMeetings.AsNoTracking().FirstAsync(m => m.ExamRoomId == room));
        Assert.Equal((MeetingPlatform.Primary, null, 1), (session.Platform, session.BackupClaimedAt, session.ConsecutiveFailures));
        Assert.Empty(await MessagesAsync(portal));
    }

    [Fact]
    public async Task Bad_requests_are_problems_and_other_rooms_are_not_found()
    {
        await using var servers = await Servers.StartAsync(DatabaseProvider.Sqlite);
        var portal = servers.Portal;
        var room = await portal.RoomOfAsync("assistant1");
        var assistant = await portal.ClientForStaffAsync("assistant1");
        var other = await portal.ClientForStaffAsync("assistant2");

        Assert.Equal(HttpStatusCode.BadRequest, (await assistant.PostAsJsonAsync($"/api/v1/rooms/{room}/meeting-platform", new { platform = "Backup" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Switch(assistant, room, "Zoom")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Switch(assistant, room, "1")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Switch(other, room, "Backup")).StatusCode);
        Assert.Empty(servers.Tencent.Requests);
    }

    private static Task<HttpResponseMessage> Switch(HttpClient client, int room, string platform) =>
        client.PostAsJsonAsync($"/api/v1/rooms/{room}/meeting-platform", new { platform, reason = "WeLink meeting service unreachable" });

    private static async Task<JsonObject> MeAsync(HttpClient candidate) => (await candidate.GetFromJsonAsync<JsonObject>("/api/v1/me"))!;

    private static Task<List<Data.Notifications.Notification>> MessagesAsync(PortalFactory portal) =>
        portal.WithDbAsync(db => db.Notifications.AsNoTracking().Where(n => n.Template == NoticeTemplates.MeetingSwitch).ToListAsync());

    private static Task<List<int>> ActiveCandidatesTodayAsync(PortalFactory portal, int room) => portal.WithDbAsync(async db =>
    {
        var (from, to) = BeijingTime.DayRange(BeijingTime.Today(TimeProvider.System));
        var rows = await db.Interviews.Where(i => i.ExamRoomId == room && i.StartsAt >= from && i.StartsAt < to)
            .Select(i => new { i.CandidateId, i.Status }).ToListAsync();
        return rows.Where(r => Interview.Active.Contains(r.Status)).Select(r => r.CandidateId).Distinct().ToList();
    });

    private static Task<(int InterviewId, int InvitationId)> InvitedAsync(PortalFactory portal, double minutesFromNow) => portal.WithDbAsync(async db =>
    {
        var id = await portal.BookAsync(DateTime.UtcNow.AddMinutes(minutesFromNow));
        var interview = await db.NotifyAsync(id);
        interview.SubmitIdPhoto();
        interview.VerifyId();
        interview.Invite(DateTime.UtcNow);
        var invitation = new MeetingInvitation { InterviewId = interview.Id, RequestedBy = "test" };
        db.MeetingInvitations.Add(invitation);
        await db.SaveChangesAsync();
        return (interview.Id, invitation.Id);
    });

    /// <summary>The portal over both fake servers, its record copy kept long so only invalidation can refresh it.</summary>
    private sealed class Servers : IAsyncDisposable
    {
        public required PortalFactory Portal { get; init; }
        public required FakeTencentMeetingServer Tencent { get; init; }
        public required FakeWeLinkServer WeLink { get; init; }

        public static async Task<Servers> StartAsync(DatabaseProvider provider)
        {
            var servers = new Servers { Tencent = await FakeTencentMeetingServer.StartAsync(), WeLink = await FakeWeLinkServer.StartAsync(), Portal = new PortalFactory(provider) };
            foreach (var (key, value) in TencentMeetingPlatformTests.Settings(servers.Tencent).Concat(HttpWeLinkGatewayTests.HttpGatewaySettings(servers.WeLink)))
                servers.Portal.Settings[key] = value;
            servers.Portal.Settings["Jobs:Server"] = "false";
            servers.Portal.Settings["MyInterview:CacheSeconds"] = "600";
            return servers;
        }

        public async ValueTask DisposeAsync()
        {
            await Portal.DisposeAsync();
            await Tencent.DisposeAsync();
            await WeLink.DisposeAsync();
        }
    }
}
