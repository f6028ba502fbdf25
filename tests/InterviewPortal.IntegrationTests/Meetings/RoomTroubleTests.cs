using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using InterviewPortal.IntegrationTests.ExamDay;
using InterviewPortal.IntegrationTests.FakeTencentMeeting;
using InterviewPortal.IntegrationTests.FakeWeLink;
using InterviewPortal.IntegrationTests.Infrastructure;
using InterviewPortal.IntegrationTests.Notifications;
using InterviewPortal.IntegrationTests.WeLink;
using InterviewPortal.Web.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.IntegrationTests.Meetings;

/// <summary>Noticing trouble (failed meeting calls in a row suggest the switch) and the backup meeting's waiting room, over both fakes.</summary>
public sealed class RoomTroubleTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Failures_in_a_row_suggest_the_switch_and_a_success_resets_them(DatabaseProvider provider)
    {
        await using var tencent = await FakeTencentMeetingServer.StartAsync();
        await using var welink = await FakeWeLinkServer.StartAsync();
        using var portal = Portal(provider, tencent, welink);
        portal.Settings["Meetings:FailuresBeforeSuggestingSwitch"] = "2";
        var room = await portal.RoomOfAsync("assistant1");
        var secretary = await portal.ClientForStaffAsync("secretary1");
        tencent.RefuseNext("9008", "500");

        Assert.Equal(HttpStatusCode.Conflict, (await Switch(secretary, room)).StatusCode);
        var once = await StateAsync(secretary, room);
        Assert.Equal(HttpStatusCode.Conflict, (await Switch(secretary, room)).StatusCode);
        var twice = await StateAsync(secretary, room);
        Assert.Equal(HttpStatusCode.OK, (await Switch(secretary, room)).StatusCode);
        var after = await StateAsync(secretary, room);

        Assert.Equal((1, false), (once["consecutiveFailures"]!.GetValue<int>(), once["suggestSwitch"]!.GetValue<bool>()));
        Assert.Equal((2, true), (twice["consecutiveFailures"]!.GetValue<int>(), twice["suggestSwitch"]!.GetValue<bool>()));
        Assert.Equal((0, false), (after["consecutiveFailures"]!.GetValue<int>(), after["suggestSwitch"]!.GetValue<bool>()));
        Assert.Equal("TencentMeeting", after["platform"]!.ToString());
        Assert.True(after["backupOffered"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task The_assistant_sees_who_waits_in_the_backup_meeting_and_whom_the_room_expects(DatabaseProvider provider)
    {
        await using var tencent = await FakeTencentMeetingServer.StartAsync();
        await using var welink = await FakeWeLinkServer.StartAsync();
        using var portal = Portal(provider, tencent, welink);
        var room = await portal.RoomOfAsync("assistant1");
        var interviewId = await portal.BookAsync(DateTime.UtcNow.AddMinutes(40));
        var candidate = await portal.WithDbAsync(db => db.Interviews.Where(i => i.Id == interviewId).Select(i => i.Candidate).FirstAsync());
        var assistant = await portal.ClientForStaffAsync("assistant1");
        Assert.Equal(HttpStatusCode.Conflict, (await assistant.GetAsync($"/api/v1/rooms/{room}/waiting-room")).StatusCode); // still on WeLink
        Assert.Equal(HttpStatusCode.OK, (await Switch(assistant, room)).StatusCode);
        var meetingId = await portal.WithDbAsync(db => db.RoomMeetings.Where(m => m.ExamRoomId == room).Select(m => m.BackupMeetingId).FirstAsync());
        tencent.Waiting[meetingId!] = [($"{candidate.ExamNumber} {candidate.Name}", "open-1"), ("访客", "open-2")];

        var waiting = await assistant.GetFromJsonAsync<JsonArray>($"/api/v1/rooms/{room}/waiting-room");

        Assert.Equal([($"{candidate.ExamNumber} {candidate.Name}", true), ("访客", false)],
            waiting!.Select(p => (p!["displayName"]!.ToString(), p["expected"]!.GetValue<bool>())).ToList());
        Assert.All(waiting!, p => Assert.NotNull(p!["joinedAt"]));
    }

    private static PortalFactory Portal(DatabaseProvider provider, FakeTencentMeetingServer tencent, FakeWeLinkServer welink)
    {
        var portal = new PortalFactory(provider);
        foreach (var (key, value) in TencentMeetingPlatformTests.Settings(tencent).Concat(HttpWeLinkGatewayTests.HttpGatewaySettings(welink)))
            portal.Settings[key] = value;
        portal.Settings["Jobs:Server"] = "false";
        return portal;
    }

    private static Task<HttpResponseMessage> Switch(HttpClient client, int room) =>
        client.PostAsJsonAsync($"/api/v1/rooms/{room}/meeting-platform", new { platform = "Backup", reason = "WeLink meeting calls fail" });

    private static async Task<JsonObject> StateAsync(HttpClient client, int room) =>
        (await client.GetFromJsonAsync<JsonObject>($"/api/v1/rooms/{room}/meeting-platform"))!;
}
