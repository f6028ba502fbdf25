using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InterviewPortal.Data.Interviews;
using InterviewPortal.Data.Verifications;
using InterviewPortal.IntegrationTests.ExamDay;
using InterviewPortal.IntegrationTests.Infrastructure;
using InterviewPortal.Web.Features.Candidates;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.IntegrationTests.Verifications;

public class IdReviewTests(SqlitePortalFactory portal) : IClassFixture<SqlitePortalFactory>
{
    [Fact]
    public async Task The_queue_lists_pending_photos_of_the_callers_rooms_oldest_first()
    {
        var first = await SubmittedAsync("assistant1");
        var second = await SubmittedAsync("assistant1");
        var elsewhere = await SubmittedAsync("assistant2");
        var room1 = await portal.RoomOfAsync("assistant1");

        var queue = await (await portal.ClientForStaffAsync("assistant1")).GetFromJsonAsync<JsonElement>($"/api/v1/verifications?status=Pending&roomId={room1}");
        var ids = queue.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()).ToList();
        Assert.True(ids.IndexOf(first.VerificationId) < ids.IndexOf(second.VerificationId) && ids.IndexOf(first.VerificationId) >= 0);
        Assert.DoesNotContain(elsewhere.VerificationId, ids);
        var item = queue.GetProperty("items").EnumerateArray().First(i => i.GetProperty("id").GetInt32() == first.VerificationId);
        Assert.Equal(first.InterviewId, item.GetProperty("interviewId").GetInt32());
        Assert.Equal(room1, item.GetProperty("roomId").GetInt32());
        Assert.Matches(@"^\d{15}$", item.GetProperty("examNumber").GetString());
        Assert.Equal("Pending", item.GetProperty("status").GetString());

        var otherAssistant = await (await portal.ClientForStaffAsync("assistant2")).GetFromJsonAsync<JsonElement>("/api/v1/verifications");
        Assert.DoesNotContain(otherAssistant.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetInt32() == first.VerificationId);
        var secretary = await (await portal.ClientForStaffAsync("secretary1")).GetFromJsonAsync<JsonElement>("/api/v1/verifications?pageSize=200");
        Assert.Contains(secretary.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetInt32() == first.VerificationId);
        Assert.DoesNotContain(secretary.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetInt32() == elsewhere.VerificationId);
    }

    [Fact]
    public async Task Every_view_of_a_photo_is_audited_and_only_reviewers_in_scope_see_it()
    {
        var submitted = await SubmittedAsync("assistant1");
        var url = $"/api/v1/verifications/{submitted.VerificationId}/photo";
        var assistant1 = await portal.ClientForStaffAsync("assistant1");

        for (var view = 0; view < 2; view++)
        {
            var response = await assistant1.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("image/jpeg", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("no-store", response.Headers.CacheControl?.ToString());
            var bytes = await response.Content.ReadAsByteArrayAsync();
            Assert.Equal((0xFF, 0xD8), (bytes[0], bytes[1]));
        }
        Assert.Equal(HttpStatusCode.OK, (await (await portal.ClientForStaffAsync("secretary1")).GetAsync(url)).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await (await portal.ClientForStaffAsync("assistant2")).GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await portal.ClientForStaffAsync("secretary2")).GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await portal.ClientForStaffAsync("assistant2")).GetAsync($"/api/v1/verifications/{submitted.VerificationId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await portal.CreateClient().GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await portal.ClientForCandidate(submitted.CandidateId).GetAsync(url)).StatusCode);

        var views = await portal.WithDbAsync(db => db.AuditEntries
            .Where(a => a.Action == "id-photo.viewed" && a.Entity == "IdVerification" && a.EntityId == submitted.VerificationId.ToString())
            .Select(a => a.Actor).ToListAsync());
        Assert.Equal(["assistant1", "assistant1", "secretary1"], views.Order());
    }

    [Fact]
    public async Task The_single_record_shows_the_full_id_number_to_its_reviewer()
    {
        var submitted = await SubmittedAsync("assistant1");
        var record = await (await portal.ClientForStaffAsync("assistant1")).GetFromJsonAsync<JsonElement>($"/api/v1/verifications/{submitted.VerificationId}");
        Assert.Matches(@"^\d{17}[\dX]$", record.GetProperty("idNumber").GetString());
        Assert.True(record.GetProperty("photoAvailable").GetBoolean());

        // The full ID number is a full read of the candidate: audited like the candidate pages, over the API and on the page.
        var browser = portal.CreateClient();
        await browser.SignInStaffAsync("assistant1");
        Assert.Contains(record.GetProperty("idNumber").GetString()!, await browser.GetStringAsync($"/Review?id={submitted.VerificationId}"), StringComparison.Ordinal);
        var reads = await portal.WithDbAsync(db => db.AuditEntries
            .Where(a => a.Action == FullRecordReads.Action && a.EntityId == submitted.CandidateId.ToString() && a.Detail == FullRecordReads.IdReview)
            .Select(a => a.Actor).ToListAsync());
        Assert.Equal(["assistant1", "assistant1"], reads);
    }

    [Fact]
    public async Task A_retake_then_a_new_photo_then_approval_moves_the_interview_tells_the_candidate_and_is_audited()
    {
        var submitted = await SubmittedAsync("assistant1");
        var client = await portal.ClientForStaffAsync("assistant1");
        var phone = await portal.WithDbAsync(db => db.Candidates.Where(c => c.Id == submitted.CandidateId).Select(c => c.Phone).FirstAsync());

        var noReason = await client.PostAsJsonAsync($"/api/v1/verifications/{submitted.VerificationId}/retake", new { reason = " " });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.True((await noReason.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("reason", out _));

        var retake = await client.PostAsJsonAsync($"/api/v1/verifications/{submitted.VerificationId}/retake", new { reason = "照片反光，号码看不清" });
        Assert.Equal(HttpStatusCode.OK, retake.StatusCode);
        Assert.Equal("RetakeRequested", (await retake.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal(InterviewStatus.IdRejected, await StatusOf(submitted.InterviewId));
        var again = await client.PostAsync($"/api/v1/verifications/{submitted.VerificationId}/approve", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        var retaken = await client.UploadPhotoAsync(submitted.InterviewId, TestPhotos.Jpeg());
        Assert.Equal(HttpStatusCode.Accepted, retaken.StatusCode);
        var newId = (await retaken.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("verificationId").GetInt32();
        Assert.Equal(HttpStatusCode.NotFound, (await (await portal.ClientForStaffAsync("assistant2")).PostAsync($"/api/v1/verifications/{newId}/approve", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await portal.ClientForStaffAsync("secretary1")).PostAsync($"/api/v1/verifications/{newId}/approve", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/v1/verifications/{newId}/approve", null)).StatusCode);
        Assert.Equal(InterviewStatus.IdVerified, await StatusOf(submitted.InterviewId));

        var decisions = await portal.WithDbAsync(db => db.AuditEntries.Where(a => a.Entity == "IdVerification"
                && (a.EntityId == submitted.VerificationId.ToString() || a.EntityId == newId.ToString()) && a.Action != "id-photo.submitted")
            .OrderBy(a => a.Id).Select(a => new { a.Action, a.Actor, a.Detail }).ToListAsync());
        Assert.Equal(["id-photo.retake-requested", "id-photo.approved"], decisions.Select(d => d.Action));
        Assert.All(decisions, d => Assert.Equal("assistant1", d.Actor));
        Assert.Contains("照片反光", decisions[0].Detail);
        var row = await portal.WithDbAsync(db => db.IdVerifications.FirstAsync(v => v.Id == newId));
        Assert.Equal(("assistant1", VerificationStatus.Approved), (row.ReviewerUserName, row.Status));
        Assert.NotNull(row.DecidedAt);

        var messages = await portal.WithDbAsync(db => db.GatewayOutbox.Where(g => g.Recipient == phone).Select(g => g.Text).ToListAsync());
        Assert.Contains(messages, m => m.Contains("照片反光，号码看不清") && m.Contains("重新"));
        Assert.Contains(messages, m => m.Contains("核验通过"));
    }

    [Fact]
    public async Task A_rejection_needs_a_reason_and_is_told_to_the_candidate()
    {
        var submitted = await SubmittedAsync("assistant2");
        var client = await portal.ClientForStaffAsync("assistant2");
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsJsonAsync($"/api/v1/verifications/{submitted.VerificationId}/reject", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync($"/api/v1/verifications/{submitted.VerificationId}/reject", new { reason = "证件与本人信息不符" })).StatusCode);
        Assert.Equal(InterviewStatus.IdRejected, await StatusOf(submitted.InterviewId));
        Assert.Equal(1, await portal.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "id-photo.rejected" && a.EntityId == submitted.VerificationId.ToString())));
        var phone = await portal.WithDbAsync(db => db.Candidates.Where(c => c.Id == submitted.CandidateId).Select(c => c.Phone).FirstAsync());
        Assert.True(await portal.WithDbAsync(db => db.GatewayOutbox.AnyAsync(g => g.Recipient == phone && g.Text.Contains("证件与本人信息不符"))));
    }

    [Fact]
    public async Task The_review_page_shows_the_photo_and_full_id_number_and_approves_by_form()
    {
        var submitted = await SubmittedAsync("assistant1");
        var idNumber = await portal.WithDbAsync(db => db.Candidates.Where(c => c.Id == submitted.CandidateId).Select(c => c.IdNumber).FirstAsync());
        var browser = portal.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await browser.SignInStaffAsync("assistant1");

        var page = await browser.GetStringAsync($"/Review?id={submitted.VerificationId}");
        Assert.Contains(idNumber, page);
        Assert.Contains($"/api/v1/verifications/{submitted.VerificationId}/photo", page);
        Assert.DoesNotContain(" style=\"", page);
        Assert.DoesNotContain("<script>", page);

        var missingReason = await browser.PostFormAsync($"/Review?id={submitted.VerificationId}&handler=Reject",
            new Dictionary<string, string> { ["Reason.Choice"] = "", ["Reason.Text"] = "" }, $"/Review?id={submitted.VerificationId}");
        Assert.Equal(HttpStatusCode.OK, missingReason.StatusCode);
        Assert.Contains("field-validation-error", await missingReason.Content.ReadAsStringAsync());

        var approved = await browser.PostFormAsync($"/Review?id={submitted.VerificationId}&handler=Approve",
            new Dictionary<string, string>(), $"/Review?id={submitted.VerificationId}");
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.Equal(InterviewStatus.IdVerified, await StatusOf(submitted.InterviewId));
    }

    private sealed record Submitted(int InterviewId, int CandidateId, int VerificationId);

    private async Task<Submitted> SubmittedAsync(string assistant)
    {
        var interview = await portal.NotifiedInterviewAsync(assistant);
        var response = await (await portal.ClientForStaffAsync(assistant)).UploadPhotoAsync(interview.Id, TestPhotos.Jpeg());
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("verificationId").GetInt32();
        return new Submitted(interview.Id, interview.CandidateId, id);
    }

    private Task<InterviewStatus> StatusOf(int interviewId) =>
        portal.WithDbAsync(db => db.Interviews.Where(i => i.Id == interviewId).Select(i => i.Status).FirstAsync());
}
