using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InterviewPortal.Data.Notifications;
using InterviewPortal.Data.Requests;
using InterviewPortal.IntegrationTests.CandidateAuth;
using InterviewPortal.IntegrationTests.ExamDay;
using InterviewPortal.IntegrationTests.Infrastructure;
using InterviewPortal.IntegrationTests.Notifications;
using InterviewPortal.IntegrationTests.Verifications;
using InterviewPortal.Web.Features.Inbox;
using InterviewPortal.Web.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace InterviewPortal.IntegrationTests.Me;

/// <summary>
/// A phone change as real users do it, over the API: the candidate files with two scans, the secretary of the
/// college opens both (audited), decides, and both numbers are told; the scans are gone after the decision.
/// </summary>
public abstract class PhoneChangeFlowTests(PortalFactory portal)
{
    [Fact]
    public async Task Filed_opened_approved_told_to_both_numbers_and_the_scans_are_gone()
    {
        var candidate = await PhoneChangeKit.CandidateOfAsync(portal, "secretary1", 0);
        var client = await portal.ClientForCandidateAsync(candidate);
        var newPhone = PhoneChangeKit.FreshPhone();
        var original = TestPhotos.JpegWithExifAndGps();

        var filed = await client.PostAsync("/api/v1/me/phone-change-requests", PhoneChangeKit.Form(newPhone, "原号码已停用", original, TestPhotos.Png()));
        Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        var id = (await filed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();

        var secretary = await portal.ClientForStaffAsync("secretary1");
        var open = await secretary.GetFromJsonAsync<JsonElement>("/api/v1/inbox/phone-change-requests?status=Open");
        Assert.Contains(open.EnumerateArray(), r => r.GetProperty("id").GetInt32() == id && r.GetProperty("hasIdCard").GetBoolean());
        foreach (var document in new[] { "idCard", "admissionTicket" })
        {
            var response = await secretary.GetAsync($"/api/v1/inbox/phone-change-requests/{id}/documents/{document}");
            var bytes = await PhoneChangeKit.AssertScanAsync(response);
            Assert.False(TestPhotos.Contains(bytes, "Exif"), document);
            Assert.False(TestPhotos.Contains(bytes, TestPhotos.SecretMarker), document);
        }
        var views = await portal.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.Action == "phone-change.document-viewed" && a.EntityId == id.ToString()).ToListAsync());
        Assert.Equal(["admissionTicket", "idCard"], views.Select(v => v.Detail!.Split(';')[0]).Order());
        Assert.All(views, v => Assert.Equal("secretary1", v.Actor));
        Assert.All(views, v => Assert.Contains("request ", v.Detail, StringComparison.Ordinal));
        var keys = await portal.WithDbAsync(db => db.PhoneChangeRequests.Where(r => r.Id == id)
            .Select(r => new[] { r.IdCardImageKey!, r.AdmissionTicketImageKey! }).SingleAsync());

        Assert.Equal(HttpStatusCode.NoContent, (await secretary.PostAsync($"/api/v1/inbox/phone-change-requests/{id}/approve", null)).StatusCode);

        var messages = await portal.WithDbAsync(db => db.Notifications.AsNoTracking()
            .Where(n => n.IdempotencyKey.StartsWith($"{PhoneChangeMessages.Template}:{id}:")).ToListAsync());
        Assert.Equal(2, messages.Count);
        var toOld = Assert.Single(messages, m => m.Recipient == candidate.Phone);
        Assert.Contains("如果这不是您本人申请的", toOld.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(newPhone, toOld.Text, StringComparison.Ordinal); // the old number learns only the masked new one
        Assert.Single(messages, m => m.Recipient == newPhone);
        Assert.All(messages, m => Assert.Equal(candidate.Id, m.CandidateId));
        await NoticeTestKit.WaitUntilAsync(() => portal.WithDbAsync(db =>
            db.Notifications.CountAsync(n => n.IdempotencyKey.StartsWith($"{PhoneChangeMessages.Template}:{id}:") && n.Status == NotificationStatus.Sent)
                .ContinueWith(t => t.Result == 2, TaskScheduler.Default)), TimeSpan.FromSeconds(30));
        // What the gateway was handed (the simulated one records it): the sign-in code messages are left out.
        var sent = await portal.WithDbAsync(db => db.GatewayOutbox.Where(o => (o.Recipient == candidate.Phone || o.Recipient == newPhone) && o.Kind != "SignInCode")
            .Select(o => new { o.Recipient, o.Text }).ToListAsync());
        Assert.Contains("如果这不是您本人申请的", Assert.Single(sent, o => o.Recipient == candidate.Phone).Text, StringComparison.Ordinal);
        Assert.Contains("手机号更换已批准", Assert.Single(sent, o => o.Recipient == newPhone).Text, StringComparison.Ordinal);

        var store = portal.Services.GetRequiredService<ProtectedFileStore>();
        Assert.All(keys, k => Assert.False(File.Exists(store.PathOf(k))));
        var row = await portal.WithDbAsync(db => db.PhoneChangeRequests.AsNoTracking().SingleAsync(r => r.Id == id));
        Assert.Equal((RequestStatus.Approved, null, null), (row.Status, row.IdCardImageKey, row.AdmissionTicketImageKey));
        foreach (var document in new[] { "idCard", "admissionTicket" })
            Assert.Equal(HttpStatusCode.NotFound, (await secretary.GetAsync($"/api/v1/inbox/phone-change-requests/{id}/documents/{document}")).StatusCode);
        Assert.Equal(newPhone, await portal.WithDbAsync(db => db.Candidates.Where(c => c.Id == candidate.Id).Select(c => c.Phone).SingleAsync()));
    }

    [Fact]
    public async Task Refusing_tells_the_candidate_and_deletes_the_scans()
    {
        var candidate = await PhoneChangeKit.CandidateOfAsync(portal, "secretary1", 1);
        var client = await portal.ClientForCandidateAsync(candidate);
        var id = await PhoneChangeKit.FileAsync(client);
        var keys = await portal.WithDbAsync(db => db.PhoneChangeRequests.Where(r => r.Id == id)
            .Select(r => new[] { r.IdCardImageKey!, r.AdmissionTicketImageKey! }).SingleAsync());
        var store = portal.Services.GetRequiredService<ProtectedFileStore>();
        Assert.All(keys, k => Assert.True(File.Exists(store.PathOf(k))));

        var secretary = await portal.ClientForStaffAsync("secretary1");
        Assert.Equal(HttpStatusCode.NoContent, (await secretary.PostAsJsonAsync($"/api/v1/inbox/phone-change-requests/{id}/refuse", new { reason = "证件照片不清晰" })).StatusCode);

        Assert.All(keys, k => Assert.False(File.Exists(store.PathOf(k))));
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.GetAsync($"/api/v1/inbox/phone-change-requests/{id}/documents/idCard")).StatusCode);
        var told = await portal.WithDbAsync(db => db.Notifications.AsNoTracking()
            .Where(n => n.IdempotencyKey.StartsWith($"{PhoneChangeMessages.Template}:{id}:")).ToListAsync());
        var message = Assert.Single(told);
        Assert.Equal(candidate.Phone, message.Recipient);
        Assert.Contains("证件照片不清晰", message.Text, StringComparison.Ordinal);
        Assert.Equal(candidate.Phone, await portal.WithDbAsync(db => db.Candidates.Where(c => c.Id == candidate.Id).Select(c => c.Phone).SingleAsync()));
    }

    [Fact]
    public async Task A_second_open_request_is_409_and_of_two_filed_at_once_exactly_one_wins()
    {
        var candidate = await PhoneChangeKit.CandidateOfAsync(portal, "secretary1", 2);
        var client = await portal.ClientForCandidateAsync(candidate);
        var files = portal.StoredFileCount();

        var both = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ =>
            client.PostAsync("/api/v1/me/phone-change-requests", PhoneChangeKit.Form(PhoneChangeKit.FreshPhone(), "换号", TestPhotos.Jpeg(), TestPhotos.Jpeg()))));
        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Conflict], both.Select(r => r.StatusCode).Order());
        var third = await client.PostAsync("/api/v1/me/phone-change-requests", PhoneChangeKit.Form(PhoneChangeKit.FreshPhone(), "换号", TestPhotos.Jpeg(), TestPhotos.Jpeg()));
        Assert.Equal(HttpStatusCode.Conflict, third.StatusCode);
        Assert.Equal("application/problem+json", third.Content.Headers.ContentType?.MediaType);
        Assert.True((await third.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("newPhone", out _));

        Assert.Equal(1, await portal.WithDbAsync(db => db.PhoneChangeRequests.CountAsync(r => r.CandidateId == candidate.Id)));
        // The refused filings' scans were not kept: two files for the one request, no more.
        Assert.Equal(files + 2, portal.StoredFileCount());
    }

    [Fact]
    public async Task More_requests_in_a_day_than_the_limit_are_429_even_when_each_was_refused()
    {
        var candidate = await PhoneChangeKit.CandidateOfAsync(portal, "secretary1", 3);
        var client = await portal.ClientForCandidateAsync(candidate);
        var secretary = await portal.ClientForStaffAsync("secretary1");
        var perDay = portal.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<UploadLimits>>().Value.PhoneChangeRequestsPerDay;
        for (var i = 0; i < perDay; i++)
        {
            var id = await PhoneChangeKit.FileAsync(client);
            Assert.Equal(HttpStatusCode.NoContent, (await secretary.PostAsJsonAsync($"/api/v1/inbox/phone-change-requests/{id}/refuse", new { reason = "不清晰" })).StatusCode);
        }
        var files = portal.StoredFileCount();

        var refused = await client.PostAsync("/api/v1/me/phone-change-requests", PhoneChangeKit.Form(PhoneChangeKit.FreshPhone(), "再试", TestPhotos.Jpeg(), TestPhotos.Jpeg()));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(files, portal.StoredFileCount());
        Assert.Equal(perDay, await portal.WithDbAsync(db => db.PhoneChangeRequests.CountAsync(r => r.CandidateId == candidate.Id)));
    }

    [Fact]
    public async Task Another_colleges_secretary_gets_404_an_assistant_403_and_the_admin_the_scan()
    {
        var candidate = await PhoneChangeKit.CandidateOfAsync(portal, "secretary1", 4);
        var id = await PhoneChangeKit.FileAsync(await portal.ClientForCandidateAsync(candidate));
        var url = $"/api/v1/inbox/phone-change-requests/{id}/documents/idCard";

        Assert.Equal(HttpStatusCode.NotFound, (await (await portal.ClientForStaffAsync("secretary2")).GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await portal.ClientForStaffAsync("assistant1")).GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await portal.CreateClient().GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await portal.ClientForStaffAsync("secretary1")).GetAsync($"/api/v1/inbox/phone-change-requests/{id}/documents/passport")).StatusCode);
        Assert.False(await portal.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "phone-change.document-viewed" && a.EntityId == id.ToString())));

        await PhoneChangeKit.AssertScanAsync(await (await portal.ClientForStaffAsync("admin")).GetAsync(url));
        Assert.True(await portal.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "phone-change.document-viewed" && a.EntityId == id.ToString() && a.Actor == "admin")));
    }
}

public sealed class PhoneChangeFlowSqliteTests(SqlitePortalFactory portal) : PhoneChangeFlowTests(portal), IClassFixture<SqlitePortalFactory>;

public sealed class PhoneChangeFlowPostgresTests(PostgresPortalFactory portal) : PhoneChangeFlowTests(portal), IClassFixture<PostgresPortalFactory>;
