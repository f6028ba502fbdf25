using System.Text;
using System.Text.Json.Nodes;
using InterviewPortal.Data.Rooms;
using InterviewPortal.IntegrationTests.FakeTencentMeeting;
using InterviewPortal.IntegrationTests.Infrastructure;
using InterviewPortal.Web.Infrastructure.Meetings;
using InterviewPortal.Web.Infrastructure.Meetings.Tencent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace InterviewPortal.IntegrationTests.Meetings;

/// <summary>The Tencent Meeting adapter, through the portal's own DI, against the strict fake on loopback.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xunit disposes it through IAsyncLifetime.")]
public sealed class TencentMeetingPlatformTests : IAsyncLifetime
{
    private FakeTencentMeetingServer fake = null!;
    private PortalFactory portal = null!;

    public async Task InitializeAsync()
    {
        fake = await FakeTencentMeetingServer.StartAsync();
        portal = new PortalFactory();
        foreach (var (key, value) in Settings(fake))
            portal.Settings[key] = value;
        portal.Settings["Jobs:Server"] = "false";
        _ = portal.Server;
    }

    public static Dictionary<string, string?> Settings(FakeTencentMeetingServer fake) => new()
    {
        ["Meetings:Backup:Platform"] = "Tencent",
        ["Meetings:Backup:BaseUrl"] = fake.BaseUrl,
        ["Meetings:Backup:SecretId"] = FakeTencentMeetingServer.SecretId,
        ["Meetings:Backup:SecretKey"] = FakeTencentMeetingServer.SecretKey,
        ["Meetings:Backup:AppId"] = FakeTencentMeetingServer.AppId,
        ["Meetings:Backup:UserId"] = FakeTencentMeetingServer.UserId,
        ["Meetings:Backup:AttemptTimeoutSeconds"] = "3",
    };

    public async Task DisposeAsync()
    {
        await portal.DisposeAsync();
        await fake.DisposeAsync();
    }

    private IMeetingPlatform Backup => portal.Services.GetRequiredKeyedService<IMeetingPlatform>(MeetingPlatform.Backup);

    private static MeetingRequest Meeting(bool recorded) =>
        new("计算机学院 第一考场 复试 2026-03-20", new DateTime(2026, 3, 20, 1, 30, 0, DateTimeKind.Utc), 240, recorded);

    [Fact]
    public void Signature_matches_vectors_computed_outside_the_portal()
    {
        // Both values were computed with Python's hmac/hashlib/base64 from the spec's wording, not with this code.
        var body = Encoding.UTF8.GetBytes("{\"userid\":\"tester\",\"subject\":\"复试 A\"}");
        Assert.Equal("ZjMxZDgyMjcwYzM2ZWI3YTRiNmIwODA3MGNhMTBhNzJmYmY2YjkzNjEwYTZhMGIxYjljNmY2ZDc5YjQ2MjUwNg==",
            TencentSignature.Compute("Gu5t9xGARNpq86cd98joQYCN3Cozk1qA", "POST", "AKIDz8krbsJ5yKBZQpn74WFkmLPx3", "12345", "1700000000", "/v1/meetings", body));
        Assert.Equal("MDI3NmQxNGE1OGU3OWEzNjA2MWUxZGY1NDI5YzcwMGZiMmNmNWQ2Yzc4ZmQxNWM3NWNkZTVlZDcxMzlmYTRlMA==",
            TencentSignature.Compute("Gu5t9xGARNpq86cd98joQYCN3Cozk1qA", "GET", "AKIDz8krbsJ5yKBZQpn74WFkmLPx3", "99", "1700000001", "/v1/meetings/123?userid=tester&instanceid=1", []));
    }

    [Fact]
    public async Task Creates_a_scheduled_meeting_with_waiting_room_cloud_recording_and_no_guests()
    {
        var info = await Backup.CreateMeetingAsync(Meeting(recorded: true), default);
        var plain = await Backup.CreateMeetingAsync(Meeting(recorded: false), default);

        Assert.Equal(info.ConferenceId[^9..], info.Code);
        Assert.StartsWith("https://meeting.tencent.com/dm/", info.JoinLink, StringComparison.Ordinal);
        var creates = fake.Accepted("POST", "/v1/meetings");
        Assert.Equal(2, creates.Count);
        Assert.DoesNotContain(fake.Requests, r => r.Refusal is not null); // the fake accepted every signature
        var body = JsonNode.Parse(creates[0].Body)!;
        Assert.Equal("1773970200", body["start_time"]!.ToString()); // 2026-03-20 01:30 UTC, Unix seconds as a string
        Assert.Equal("Asia/Shanghai", body["time_zone"]!.ToString());
        Assert.True(body["settings"]!["auto_in_waiting_room"]!.GetValue<bool>());
        Assert.Equal(1, body["settings"]!["only_user_join_type"]!.GetValue<int>());
        Assert.Equal("cloud", body["settings"]!["auto_record_type"]!.ToString());
        Assert.NotEqual("cloud", JsonNode.Parse(creates[1].Body)!["settings"]!["auto_record_type"]!.ToString());
        Assert.All(creates, c => Assert.Null(JsonNode.Parse(c.Body)!["guests"]));
        Assert.All(creates, c => Assert.False(c.Headers.ContainsKey("SdkId"))); // none assigned: left out
        Assert.NotEqual(plain.ConferenceId, info.ConferenceId);
    }

    [Fact]
    public async Task A_call_refused_as_too_frequent_is_sent_again_with_a_new_nonce()
    {
        fake.RefuseNext("9098");
        var info = await Backup.CreateMeetingAsync(Meeting(recorded: false), default);

        var tries = fake.Requests.Where(r => r.PathAndQuery == "/v1/meetings").ToList();
        Assert.Equal(2, tries.Count);
        Assert.Equal("9098", tries[0].Refusal);
        Assert.Null(tries[1].Refusal);
        Assert.NotEqual(tries[0].Headers["X-TC-Nonce"], tries[1].Headers["X-TC-Nonce"]);
        Assert.True(fake.Meetings.ContainsKey(info.ConferenceId));
    }

    [Fact]
    public async Task Rationed_creation_is_surfaced_and_not_retried()
    {
        fake.CreationsAllowed = 0;
        var error = await Assert.ThrowsAsync<MeetingPlatformException>(() => Backup.CreateMeetingAsync(Meeting(recorded: false), default));

        Assert.True(error.Rationed);
        Assert.Equal("9008", error.Code);
        Assert.Single(fake.Requests, r => r.PathAndQuery == "/v1/meetings");
    }

    [Fact]
    public async Task Admission_lets_in_only_the_candidate_named_for_the_slot()
    {
        var info = await Backup.CreateMeetingAsync(Meeting(recorded: false), default);
        fake.Waiting[info.ConferenceId] = [("2026001 张三", "open-a"), ("2026002 李四", "open-b")];

        await Backup.AdmitFromWaitingRoomAsync(info.ConferenceId, new Attendee("李四", "13900139002", ExamNumber: "2026002"), default);

        Assert.Equal(["open-a"], fake.Waiting[info.ConferenceId].Select(p => p.OpenId));
        var admit = JsonNode.Parse(Assert.Single(fake.Accepted("PUT", "/v1/real-control/meetings/")).Body)!;
        Assert.Equal("open-b", admit["users"]![0]!["to_operator_id"]!.ToString());
        Assert.Equal(2, admit["users"]![0]!["instanceid"]!.GetValue<int>()); // the device the person uses
        var missing = await Assert.ThrowsAsync<MeetingPlatformException>(() =>
            Backup.AdmitFromWaitingRoomAsync(info.ConferenceId, new Attendee("王五", "13900139003", ExamNumber: "2026003"), default));
        Assert.Equal("not-waiting", missing.Code);
    }

    [Fact]
    public async Task Cancel_tolerates_an_already_cancelled_meeting_and_end_dismisses()
    {
        var first = await Backup.CreateMeetingAsync(Meeting(recorded: false), default);
        var second = await Backup.CreateMeetingAsync(Meeting(recorded: false), default);
        await Backup.CancelMeetingAsync(first.ConferenceId, default);
        await Backup.CancelMeetingAsync(first.ConferenceId, default); // 9007: already what we wanted
        await Backup.EndMeetingAsync(second.ConferenceId, default);

        Assert.Equal("CANCELLED", fake.Meetings[first.ConferenceId]["state"]!.ToString());
        Assert.Equal("ENDED", fake.Meetings[second.ConferenceId]["state"]!.ToString());
    }

    [Fact]
    public async Task The_fake_refuses_a_replayed_request_a_stale_clock_and_a_wrong_signature()
    {
        await Backup.CreateMeetingAsync(Meeting(recorded: false), default);
        var sent = fake.Accepted("POST", "/v1/meetings")[0];
        using var http = new HttpClient { BaseAddress = new Uri(fake.BaseUrl) };

        Assert.Equal("190301", await ResendAsync(http, sent, sent.Headers["X-TC-Timestamp"], sent.Headers["X-TC-Nonce"]));
        var stale = (DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 301).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal("190300", await ResendAsync(http, sent, stale, "777"));
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal("200003", await ResendAsync(http, sent with { Body = sent.Body + " " }, now, "778", signBody: sent.Body));
    }

    [Fact]
    public void Tencent_without_credentials_is_refused_at_start()
    {
        var o = new BackupMeetingOptions { Platform = BackupPlatformKind.Tencent, SecretId = "id", AppId = "1", UserId = "u" };
        var result = new BackupMeetingOptionsValidator().Validate(null, o);
        Assert.True(result.Failed);
        Assert.Contains("Meetings:Backup:SecretKey", result.FailureMessage, StringComparison.Ordinal);
        Assert.True(new BackupMeetingOptionsValidator().Validate(null, new BackupMeetingOptions()).Succeeded); // off when not configured
        Assert.Equal(BackupPlatformKind.Tencent, portal.Services.GetRequiredService<IOptions<BackupMeetingOptions>>().Value.Platform);
    }

    private static async Task<string?> ResendAsync(HttpClient http, TencentRequest sent, string timestamp, string nonce, string? signBody = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, sent.PathAndQuery) { Content = new StringContent(sent.Body, Encoding.UTF8, "application/json") };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        foreach (var name in new[] { "X-TC-Key", "AppId", "X-TC-Registered" })
            request.Headers.TryAddWithoutValidation(name, sent.Headers[name]);
        request.Headers.TryAddWithoutValidation("X-TC-Timestamp", timestamp);
        request.Headers.TryAddWithoutValidation("X-TC-Nonce", nonce);
        var signature = timestamp == sent.Headers["X-TC-Timestamp"] && nonce == sent.Headers["X-TC-Nonce"]
            ? sent.Headers["X-TC-Signature"]
            : FakeTencentMeetingServer.ExpectedSignature("POST", FakeTencentMeetingServer.SecretId, nonce, timestamp, sent.PathAndQuery, signBody ?? sent.Body);
        request.Headers.TryAddWithoutValidation("X-TC-Signature", signature);
        using var response = await http.SendAsync(request);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())?["error_info"]?["error_code"]?.ToString();
    }
}
