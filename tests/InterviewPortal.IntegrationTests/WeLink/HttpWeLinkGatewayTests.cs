using System.Globalization;
using InterviewPortal.Data.Rooms;
using InterviewPortal.IntegrationTests.FakeWeLink;
using InterviewPortal.Web.Infrastructure.Meetings;
using InterviewPortal.IntegrationTests.Infrastructure;
using InterviewPortal.Web.Infrastructure.WeLink;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewPortal.IntegrationTests.WeLink;

/// <summary>The real HTTP gateway, through the portal's own DI and resilience handler, against the fake vendor on loopback.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xunit disposes it through IAsyncLifetime.")]
public sealed class HttpWeLinkGatewayTests : IAsyncLifetime
{
    private FakeWeLinkServer fake = null!;
    private PortalFactory portal = null!;

    public async Task InitializeAsync()
    {
        fake = await FakeWeLinkServer.StartAsync();
        portal = new PortalFactory();
        foreach (var (key, value) in HttpGatewaySettings(fake))
            portal.Settings[key] = value;
        portal.Settings["Jobs:Server"] = "false";
        _ = portal.Server;
    }

    public static Dictionary<string, string?> HttpGatewaySettings(FakeWeLinkServer fake) => new()
    {
        ["WeLink:Gateway"] = "Http",
        ["WeLink:OpenApiBaseUrl"] = fake.BaseUrl,
        ["WeLink:MeetingBaseUrl"] = fake.BaseUrl,
        ["WeLink:ClientId"] = FakeWeLinkServer.ClientId,
        ["WeLink:ClientSecret"] = FakeWeLinkServer.ClientSecret,
        ["WeLink:MeetingAppId"] = FakeWeLinkServer.AppId,
        ["WeLink:MeetingAppKey"] = FakeWeLinkServer.AppKey,
        ["WeLink:ThrottleDelaySeconds"] = "0.05",
        ["WeLink:AttemptTimeoutSeconds"] = "2",
        ["WeLink:StatusPollSeconds"] = "0.05",
    };

    public async Task DisposeAsync()
    {
        await portal.DisposeAsync();
        await fake.DisposeAsync();
    }

    private IWeLinkGateway Gateway => portal.Services.GetRequiredService<IWeLinkGateway>();
    private IMeetingPlatform Meetings => portal.Services.GetRequiredKeyedService<IMeetingPlatform>(MeetingPlatform.Primary);

    private static CandidateMessage Message(string phone = "13800138000") => new(phone, "标题", "内容");

    [Fact]
    public async Task WeLink_token_is_cached_then_fetched_again_when_it_expires()
    {
        Assert.IsType<HttpWeLinkGateway>(Gateway);
        await Gateway.SendMessageAsync(Message(), default);
        await Gateway.SendMessageAsync(Message(), default);
        Assert.Single(fake.To("/api/auth/v2/tickets"));
        Assert.Single(fake.To("/api/contact/v1/users")); // phone → userId is cached too

        fake.ExpireWeLinkTokens();
        await Gateway.SendMessageAsync(Message(), default);

        Assert.Equal(2, fake.To("/api/auth/v2/tickets").Count);
        var sent = fake.To("/api/messages/v2/card/common");
        Assert.Equal(4, sent.Count); // the rejected one, then the one with the new token
        Assert.Equal("u13800138000@welink", sent[^1].Body!["toUserList"]![0]!.ToString());
    }

    [Fact]
    public async Task Throttled_calls_48503_and_429_are_resent_after_backing_off()
    {
        await Gateway.SendMessageAsync(Message(), default); // token and user cached
        var before = fake.To("/api/messages/v2/card/common").Count;
        fake.ThrottleNext(2);
        await Gateway.SendMessageAsync(Message(), default);
        fake.Http429Next(1);
        await Gateway.SendMessageAsync(Message(), default);
        Assert.Equal(before + 3 + 2, fake.To("/api/messages/v2/card/common").Count);
    }

    [Fact]
    public async Task A_vendor_outage_fails_with_the_vendor_code_and_the_next_call_after_recovery_succeeds()
    {
        await Gateway.SendMessageAsync(Message(), default);
        fake.Outage = true;
        var error = await Assert.ThrowsAsync<WeLinkException>(() => Gateway.SendMessageAsync(Message(), default));
        Assert.Equal("503", error.Code);
        var meetingError = await Assert.ThrowsAsync<WeLinkException>(() => Meetings.CreateMeetingAsync(Meeting(true), default));
        Assert.Equal("MMC.111000000", meetingError.Code);
        fake.Outage = false;
        await Gateway.SendMessageAsync(Message(), default);
        Assert.NotNull((await Meetings.CreateMeetingAsync(Meeting(true), default)).ConferenceId);
    }

    [Fact]
    public async Task A_slow_vendor_times_out_as_a_WeLink_error_without_resending_the_create()
    {
        fake.Delay = TimeSpan.FromSeconds(5);
        var error = await Assert.ThrowsAsync<WeLinkException>(() => Meetings.CreateMeetingAsync(Meeting(false), default));
        fake.Delay = TimeSpan.Zero;
        Assert.Equal("timeout", error.Code);
        Assert.True(fake.To("/v2/usg/acs/auth/appauth").Count <= 1);
    }

    private static MeetingRequest Meeting(bool recorded) =>
        new("CS 复试", new DateTime(2026, 3, 20, 1, 30, 0, DateTimeKind.Utc), 240, recorded);

    [Fact]
    public async Task Meeting_is_created_with_UTC_start_waiting_room_on_and_recording_as_asked()
    {
        var recorded = await Meetings.CreateMeetingAsync(Meeting(true), default);
        var plain = await Meetings.CreateMeetingAsync(Meeting(false), default);

        Assert.NotEqual(recorded.ConferenceId, plain.ConferenceId);
        Assert.Equal("246810", recorded.HostPassword);
        Assert.EndsWith("/guest", recorded.JoinLink, StringComparison.Ordinal);
        var creates = fake.To("/v1/mmc/management/conferences");
        Assert.Equal("2026-03-20 01:30", creates[0].Body!["startTime"]!.ToString());
        Assert.Equal("2", creates[0].Body!["recordType"]!.ToString());
        Assert.Equal("1", creates[0].Body!["isAutoRecord"]!.ToString());
        Assert.Equal("0", creates[1].Body!["recordType"]!.ToString());
        Assert.Equal("0", creates[1].Body!["isAutoRecord"]!.ToString());
        Assert.All(creates, c => Assert.Equal("true", c.Body!["confConfigInfo"]!["enableWaitingRoom"]!.ToString()));
        Assert.Single(fake.To("/v2/usg/acs/auth/appauth")); // one App ID sign-in for both
    }

    [Fact]
    public async Task Meeting_calls_authenticate_again_on_USG_000000004()
    {
        var info = await Meetings.CreateMeetingAsync(Meeting(true), default);
        fake.ExpireMeetingTokens();
        await Meetings.UpdateMeetingAsync(info.ConferenceId, Meeting(false), default);
        await Meetings.CancelMeetingAsync(info.ConferenceId, default);
        Assert.Equal(2, fake.To("/v2/usg/acs/auth/appauth").Count);
        Assert.Contains(fake.Requests, r => r.Method == "DELETE" && r.Query.Contains("type=1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Admission_fetches_the_control_token_and_fetches_it_again_when_it_expired()
    {
        var info = await Meetings.CreateMeetingAsync(Meeting(true), default);
        var attendee = new Attendee("张三", "13900139000");
        await Meetings.AdmitFromWaitingRoomAsync(info.ConferenceId, attendee, default);
        fake.ExpireControlTokens();
        await Meetings.AdmitFromWaitingRoomAsync(info.ConferenceId, attendee, default);

        Assert.Equal(2, fake.To("/v1/mmc/control/conferences/token").Count);
        var admits = fake.To("/v1/mmc/control/conferences/allowWaitingParticipant");
        Assert.Equal(3, admits.Count); // ok, rejected (expired), ok with the new token
        Assert.Equal("u13900139000@welink", admits[^1].Body!["participantID"]!.ToString());
        Assert.Equal("246810", fake.To("/v1/mmc/control/conferences/token")[0].Headers["X-Password"]);
    }

    [Fact]
    public async Task Provisioning_departments_and_accounts_polls_status_and_returns_user_ids()
    {
        Assert.Equal("CS", await Gateway.ProvisionDepartmentAsync(new DepartmentRequest("CS", "计算机学院", null), default));
        var task = await Gateway.ProvisionAccountsAsync([new AccountRequest("13700137000", "李四", "CS-081200")], default);
        var status = await Gateway.GetProvisioningStatusAsync(task, default);
        Assert.True(status.Finished);
        Assert.Equal("u13700137000@welink", Assert.Single(status.Results).UserId);
        Assert.Equal("+86-13700137000", fake.To("/api/contact/v1/users/bulk")[0].Body!["personInfo"]![0]!["mobileNumber"]!.ToString());
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Gateway.ProvisionAccountsAsync(
            Enumerable.Range(0, 11).Select(i => new AccountRequest((13700137000L + i).ToString(CultureInfo.InvariantCulture), "x", "CS")).ToList(), default));
    }
}
