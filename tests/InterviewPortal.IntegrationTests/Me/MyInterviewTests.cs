using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using InterviewPortal.Data.Interviews;
using InterviewPortal.IntegrationTests.CandidateAuth;
using InterviewPortal.IntegrationTests.ExamDay;
using InterviewPortal.IntegrationTests.Infrastructure;
using InterviewPortal.IntegrationTests.Verifications;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.IntegrationTests.Me;

public class MyInterviewTests(SqlitePortalFactory portal) : IClassFixture<SqlitePortalFactory>
{
    [Fact]
    public async Task Me_returns_the_assignment_and_the_next_interview_with_Beijing_time()
    {
        var candidate = await portal.CandidateAsync(0);
        var expected = await portal.WithDbAsync(db => db.Interviews.Where(i => i.CandidateId == candidate.Id)
            .Select(i => new { i.StartsAt, i.DurationMinutes, Room = i.ExamRoom.Name, Recorded = i.ExamRoom.RecordSessions, College = i.Candidate.College.Name, Major = i.Candidate.Major.Name })
            .SingleAsync());
        var client = await portal.ClientForCandidateAsync(candidate);

        var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/me");

        Assert.Equal(candidate.ExamNumber, me.GetProperty("examNumber").GetString());
        Assert.Equal(candidate.Name, me.GetProperty("name").GetString());
        Assert.Equal(expected.College, me.GetProperty("college").GetString());
        Assert.Equal(expected.Major, me.GetProperty("major").GetString());
        var interview = me.GetProperty("interview");
        var startsAt = interview.GetProperty("startsAt").GetString()!;
        var local = interview.GetProperty("startsAtLocal").GetString()!;
        Assert.EndsWith("Z", startsAt, StringComparison.Ordinal);
        Assert.EndsWith("+08:00", local, StringComparison.Ordinal);
        Assert.Equal(DateTimeOffset.Parse(startsAt, System.Globalization.CultureInfo.InvariantCulture), DateTimeOffset.Parse(local, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(DateTime.SpecifyKind(expected.StartsAt, DateTimeKind.Utc), DateTimeOffset.Parse(startsAt, System.Globalization.CultureInfo.InvariantCulture).UtcDateTime);
        Assert.Equal(expected.DurationMinutes, interview.GetProperty("durationMinutes").GetInt32());
        Assert.Equal(expected.Room, interview.GetProperty("room").GetString());
        Assert.Equal("Scheduled", interview.GetProperty("status").GetString());
        Assert.Equal("Exam", interview.GetProperty("kind").GetString());
        Assert.Equal(JsonValueKind.Null, interview.GetProperty("meetingId").ValueKind);
        Assert.Equal(expected.Recorded, interview.GetProperty("recorded").GetBoolean());
    }

    [Fact]
    public async Task A_candidate_without_an_interview_gets_a_null_interview_and_the_page_says_so()
    {
        var candidate = await portal.CandidateAsync(0, withInterview: false);
        var client = await portal.ClientForCandidateAsync(candidate);
        var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/me");
        Assert.Equal(JsonValueKind.Null, me.GetProperty("interview").ValueKind);

        var (pageClient, landing) = await portal.PageClientForCandidateAsync(candidate);
        var html = await landing.Content.ReadAsStringAsync();
        Assert.Contains("尚未安排", html, StringComparison.Ordinal);
        Assert.Contains(candidate.ExamNumber, html, StringComparison.Ordinal);
        pageClient.Dispose();
    }

    [Fact]
    public async Task Signing_in_through_the_page_lands_on_My_interview_with_the_countdown_and_the_pledge_link()
    {
        var candidate = await portal.CandidateAsync(1);
        var recorded = await portal.WithDbAsync(db => db.Interviews.Where(i => i.CandidateId == candidate.Id).Select(i => i.ExamRoom.RecordSessions).SingleAsync());
        var (client, landing) = await portal.PageClientForCandidateAsync(candidate);

        Assert.Equal(HttpStatusCode.OK, landing.StatusCode);
        Assert.Equal("/Me", landing.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal("/Me", (await client.GetAsync("/Candidate/SignIn")).RequestMessage!.RequestUri!.AbsolutePath);
        var html = await landing.Content.ReadAsStringAsync();
        Assert.Contains(candidate.ExamNumber, html, StringComparison.Ordinal);
        Assert.Contains(candidate.Name, html, StringComparison.Ordinal);
        Assert.Matches("data-starts-at=\"\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z\"", html);
        Assert.Contains("href=\"/Me/Pledge\"", html, StringComparison.Ordinal);
        Assert.Contains(recorded ? "本场面试全程录像" : "本场面试不录像", html, StringComparison.Ordinal);
        // No meeting yet: the block a room switch fills live is there, hidden and without a code.
        Assert.Matches("<div class=\"me-meeting\" id=\"me-meeting\"[^>]* hidden=\"hidden\"", html);
        Assert.Contains("<p class=\"me-meeting-id\" aria-live=\"polite\"></p>", html, StringComparison.Ordinal);
        AssertNoInlineScriptOrStyle(html);
    }

    [Fact]
    public async Task A_wrong_code_on_the_page_stays_on_the_code_step_with_a_field_message_and_no_session()
    {
        var candidate = await portal.CandidateAsync(2);
        var client = portal.CreateClient();
        await client.PostFormAsync("/Candidate/SignIn?handler=Code", new Dictionary<string, string> { ["Phone"] = candidate.Phone }, "/Candidate/SignIn");
        var code = await portal.LatestCodeAsync(candidate.Phone);
        var response = await client.PostFormAsync("/Candidate/SignIn?handler=Verify",
            new Dictionary<string, string> { ["Phone"] = candidate.Phone, ["Code"] = code == "111111" ? "111112" : "111111" }, "/Candidate/SignIn");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("验证码无效", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var me = await client.GetAsync("/Me");
        Assert.Equal("/Candidate/SignIn", me.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task The_meeting_id_appears_once_an_invitation_exists_and_the_recording_is_announced()
    {
        var candidate = await portal.CandidateAsync(3);
        await portal.WithDbAsync(async db =>
        {
            var interview = await db.Interviews.Include(i => i.ExamRoom).SingleAsync(i => i.CandidateId == candidate.Id);
            interview.ExamRoom.RecordSessions = true;
            // Invitations exist only for invited candidates (the page looks the meeting up only from then on).
            await db.NotifyAsync(interview.Id);
            interview.SubmitIdPhoto();
            interview.VerifyId();
            interview.Invite(DateTime.UtcNow);
            db.MeetingInvitations.Add(new MeetingInvitation { InterviewId = interview.Id, MeetingId = "961234567", Status = InvitationStatus.Sent });
            await db.SaveChangesAsync();
        });
        var (client, landing) = await portal.PageClientForCandidateAsync(candidate);

        var html = await landing.Content.ReadAsStringAsync();
        Assert.Contains("961234567", html, StringComparison.Ordinal);
        Assert.Contains("全程录像", html, StringComparison.Ordinal);
        var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/me");
        Assert.Equal("961234567", me.GetProperty("interview").GetProperty("meetingId").GetString());
        Assert.True(me.GetProperty("interview").GetProperty("recorded").GetBoolean());
    }

    [Fact]
    public async Task The_photo_upload_appears_when_notified_and_a_rejection_shows_its_reason_and_a_retake()
    {
        var candidate = await portal.CandidateAsync(4);
        var (client, landing) = await portal.PageClientForCandidateAsync(candidate);
        Assert.DoesNotContain("capture=\"environment\"", await landing.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var interviewId = await portal.WithDbAsync(async db =>
            (await db.NotifyAsync(await db.Interviews.Where(i => i.CandidateId == candidate.Id).Select(i => i.Id).SingleAsync())).Id);
        var notified = await client.GetStringAsync("/Me");
        Assert.Contains("capture=\"environment\"", notified, StringComparison.Ordinal);
        Assert.Contains($"data-url=\"/api/v1/interviews/{interviewId}/id-photo\"", notified, StringComparison.Ordinal);

        await Move(candidate.Id, i => { i.SubmitIdPhoto(); i.RejectId("照片反光，看不清号码"); });
        var rejected = await client.GetStringAsync("/Me");
        Assert.Contains("照片反光，看不清号码", rejected, StringComparison.Ordinal);
        Assert.Contains("accept=\"image/jpeg,image/png\"", rejected, StringComparison.Ordinal);
        var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/me");
        Assert.Equal("IdRejected", me.GetProperty("interview").GetProperty("status").GetString());
        Assert.Equal("照片反光，看不清号码", me.GetProperty("interview").GetProperty("rejectionReason").GetString());
    }

    // The page offers what the upload API accepts: while a photo awaits review the candidate may replace it.
    [Fact]
    public async Task While_the_photo_awaits_review_the_page_offers_the_replacement_the_api_accepts()
    {
        var candidate = await portal.CandidateAsync(6);
        var interviewId = await portal.WithDbAsync(async db =>
        {
            var interview = await db.NotifyAsync(await db.Interviews.Where(i => i.CandidateId == candidate.Id).Select(i => i.Id).SingleAsync());
            interview.SubmitIdPhoto();
            await db.SaveChangesAsync();
            return interview.Id;
        });
        var (client, _) = await portal.PageClientForCandidateAsync(candidate);

        var waiting = await client.GetStringAsync("/Me");
        Assert.Contains($"data-url=\"/api/v1/interviews/{interviewId}/id-photo\"", waiting, StringComparison.Ordinal);
        Assert.Contains("capture=\"environment\"", waiting, StringComparison.Ordinal);
        var api = portal.ClientForCandidate(candidate.Id);
        var replaced = await api.UploadPhotoAsync(interviewId, TestPhotos.Jpeg());
        Assert.Equal(HttpStatusCode.Accepted, replaced.StatusCode);

        await Move(candidate.Id, i => i.VerifyId());
        Assert.DoesNotContain("capture=\"environment\"", await client.GetStringAsync("/Me"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, (await api.UploadPhotoAsync(interviewId, TestPhotos.Jpeg())).StatusCode);
    }

    [Fact]
    public async Task Me_refuses_anonymous_and_staff_callers_and_the_page_sends_strangers_to_the_phone_sign_in()
    {
        var anonymous = portal.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/me")).StatusCode);
        var page = await anonymous.GetAsync("/Me");
        Assert.Equal("/Candidate/SignIn", page.RequestMessage!.RequestUri!.AbsolutePath);

        var secretary = await portal.ClientForStaffAsync("secretary1");
        Assert.Equal(HttpStatusCode.Forbidden, (await secretary.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await secretary.PostAsJsonAsync("/api/v1/me/assignment-reports", new { message = "x" })).StatusCode);
    }

    [Theory]
    [InlineData("/Me/Prepare", "45°")]
    [InlineData("/Me/Prepare", "macOS")]
    [InlineData("/Me/SelfCheck", "selfcheck.js")]
    [InlineData("/Me/Prepare", "https://meeting.tencent.com/download/")] // the demo turns the (simulated) backup platform on
    [InlineData("/Me/SelfCheck", "https://meeting.tencent.com/download/")]
    [InlineData("/Candidate/SignIn", "tel-national")]
    public async Task Guide_self_check_and_sign_in_pages_are_open_and_carry_no_inline_script_or_style(string url, string expected)
    {
        var response = await portal.CreateClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(expected, html, StringComparison.Ordinal);
        AssertNoInlineScriptOrStyle(html);
    }

    [Fact]
    public async Task Ping_answers_without_signing_in_and_is_never_cached()
    {
        var response = await portal.CreateClient().GetAsync("/api/v1/ping");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("pong", await response.Content.ReadAsStringAsync());
        Assert.True(response.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task The_candidate_routes_are_in_the_openapi_document()
    {
        // Outside Development the document is for admins only (Security/SecurityHeaderTests).
        var admin = await portal.ClientForStaffAsync("admin");
        var document = await admin.GetStringAsync("/swagger/v1/swagger.json");
        foreach (var route in new[] { "/api/v1/candidate/auth/code", "/api/v1/candidate/auth/token", "/api/v1/me", "/api/v1/me/assignment-reports", "/api/v1/me/phone-change-requests" })
            Assert.Contains($"\"{route}\"", document, StringComparison.Ordinal);
    }

    private Task<int> Move(int candidateId, Action<Interview> move) => portal.WithDbAsync(async db =>
    {
        var interview = await db.Interviews.SingleAsync(i => i.CandidateId == candidateId);
        move(interview);
        await db.SaveChangesAsync();
        return interview.Id;
    });

    private static void AssertNoInlineScriptOrStyle(string html)
    {
        Assert.DoesNotMatch(new Regex("<script(?![^>]*\\ssrc=)[^>]*>", RegexOptions.IgnoreCase), html);
        Assert.DoesNotMatch(new Regex("\\sstyle=\"", RegexOptions.IgnoreCase), html);
        Assert.DoesNotMatch(new Regex("\\son[a-z]+=\"", RegexOptions.IgnoreCase), html);
    }
}
