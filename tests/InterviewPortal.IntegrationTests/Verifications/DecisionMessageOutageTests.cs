using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InterviewPortal.Data.Interviews;
using InterviewPortal.Data.Notifications;
using InterviewPortal.IntegrationTests.ExamDay;
using InterviewPortal.IntegrationTests.FakeWeLink;
using InterviewPortal.IntegrationTests.Infrastructure;
using InterviewPortal.IntegrationTests.Notifications;
using InterviewPortal.IntegrationTests.WeLink;
using InterviewPortal.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.IntegrationTests.Verifications;

/// <summary>The assistant's decision reaches the candidate through the outbox: a WeLink outage delays it, never loses it.</summary>
public sealed class DecisionMessageOutageTests
{
    [Fact]
    public async Task A_decision_made_while_WeLink_is_down_is_told_to_the_candidate_once_it_recovers()
    {
        await using var fake = await FakeWeLinkServer.StartAsync();
        using var portal = new PortalFactory();
        foreach (var (key, value) in HttpWeLinkGatewayTests.HttpGatewaySettings(fake))
            portal.Settings[key] = value;
        portal.Settings["Jobs:NoticeRetrySeconds"] = "0.5";
        var interview = await portal.NotifiedInterviewAsync("assistant1");
        var assistant = await portal.ClientForStaffAsync("assistant1");
        var upload = await assistant.UploadPhotoAsync(interview.Id, TestPhotos.Jpeg());
        Assert.Equal(HttpStatusCode.Accepted, upload.StatusCode);
        var verificationId = (await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("verificationId").GetInt32();
        var phone = interview.Candidate.Phone;
        bool ToCandidate(RecordedRequest r) => r.Body?["toUserList"]?.ToJsonString().Contains(phone, StringComparison.Ordinal) == true;

        fake.Outage = true;
        Assert.Equal(HttpStatusCode.OK, (await assistant.PostAsync($"/api/v1/verifications/{verificationId}/approve", null)).StatusCode);

        // The decision stands; its message waits in the outbox with the vendor's error.
        Assert.Equal(InterviewStatus.IdVerified, await portal.WithDbAsync(db => db.Interviews.Where(i => i.Id == interview.Id).Select(i => i.Status).FirstAsync()));
        var waiting = await portal.WithDbAsync(db => db.Notifications.AsNoTracking().SingleAsync(n => n.IdempotencyKey == NoticeTemplates.IdDecisionKey(verificationId)));
        Assert.Equal(NotificationStatus.Pending, waiting.Status);
        Assert.NotNull(waiting.LastError);
        Assert.DoesNotContain(fake.To("/api/messages/v2/card/common"), ToCandidate);

        fake.Outage = false;
        await NoticeTestKit.WaitUntilAsync(
            () => portal.WithDbAsync(db => db.Notifications.AnyAsync(n => n.Id == waiting.Id && n.Status == NotificationStatus.Sent)),
            TimeSpan.FromSeconds(30),
            async () => System.Text.Json.JsonSerializer.Serialize(await portal.WithDbAsync(db => db.Notifications.AsNoTracking().FirstAsync(n => n.Id == waiting.Id))));
        var sent = Assert.Single(fake.To("/api/messages/v2/card/common"), ToCandidate);
        Assert.Equal("身份核验已通过", sent.Body!["msgTitle"]!.ToString());
        Assert.Contains("核验通过", sent.Body["msgContent"]!.ToString(), StringComparison.Ordinal);
    }
}
