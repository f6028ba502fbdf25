using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using InterviewPortal.Data.Interviews;
using InterviewPortal.Data.Verifications;
using InterviewPortal.IntegrationTests.CandidateAuth;
using InterviewPortal.IntegrationTests.Candidates;
using InterviewPortal.IntegrationTests.ExamDay;
using InterviewPortal.IntegrationTests.Infrastructure;
using InterviewPortal.IntegrationTests.Me;
using InterviewPortal.IntegrationTests.Verifications;
using Microsoft.EntityFrameworkCore;
using static InterviewPortal.IntegrationTests.Security.CrossSiteSession;

namespace InterviewPortal.IntegrationTests.Security;

/// <summary>
/// Writes that reach real records: each is sent with the session cookie without the token, and with the token from a
/// subdomain of the university and from another site; the data is then read back unchanged. The same request with
/// the page's token then does change it, so the refusal is the guard's and not a broken request.
/// </summary>
public abstract class CrossSiteDataTests(PortalFactory portal)
{
    private static readonly Presenting[] Forged = [Presenting.CookieWithoutToken, Presenting.TokenFromSubdomainOrigin, Presenting.TokenFromCrossSite, Presenting.TokenFromSameSite];

    [Fact]
    public async Task Cancelling_an_interview_needs_the_token_from_this_origin()
    {
        var secretary = await StaffAsync(portal, "secretary1");
        var college = await portal.WithDbAsync(db => db.Users.Where(u => u.UserName == "secretary1").Select(u => u.CollegeId!.Value).FirstAsync());
        var id = await portal.WithDbAsync(db => db.Interviews.Where(i => i.Candidate.CollegeId == college && i.Status == InterviewStatus.Scheduled && i.Kind == InterviewKind.Exam)
            .OrderByDescending(i => i.Id).Select(i => i.Id).FirstAsync());
        var url = $"/api/v1/interviews/{id}/cancel";

        foreach (var forged in Forged)
            await AssertRefusedAsync(await secretary.SendAsync(HttpMethod.Post, url, forged), forged);
        Assert.Equal(InterviewStatus.Scheduled, await StatusOfAsync(id));

        Assert.Equal(HttpStatusCode.OK, (await secretary.SendAsync(HttpMethod.Post, url, Presenting.CookieWithToken)).StatusCode);
        Assert.Equal(InterviewStatus.Cancelled, await StatusOfAsync(id));
    }

    [Fact]
    public async Task Approving_an_id_photo_needs_the_token_from_this_origin()
    {
        var interview = await portal.NotifiedInterviewAsync("assistant1");
        var upload = await (await portal.ClientForStaffAsync("assistant1")).UploadPhotoAsync(interview.Id, TestPhotos.Jpeg());
        var verification = (await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("verificationId").GetInt32();
        var assistant = await StaffAsync(portal, "assistant1");
        var url = $"/api/v1/verifications/{verification}/approve";

        foreach (var forged in Forged)
            await AssertRefusedAsync(await assistant.SendAsync(HttpMethod.Post, url, forged), forged);
        Assert.Equal(VerificationStatus.Pending, await portal.WithDbAsync(db => db.IdVerifications.Where(v => v.Id == verification).Select(v => v.Status).FirstAsync()));

        Assert.Equal(HttpStatusCode.OK, (await assistant.SendAsync(HttpMethod.Post, url, Presenting.CookieWithToken)).StatusCode);
        Assert.Equal(VerificationStatus.Approved, await portal.WithDbAsync(db => db.IdVerifications.Where(v => v.Id == verification).Select(v => v.Status).FirstAsync()));
    }

    [Fact]
    public async Task An_import_needs_the_token_in_the_header_or_the_form_field()
    {
        var secretary = await StaffAsync(portal, "secretary1");
        var (_, _, majorCode) = await CandidateData.MajorOfAsync(portal, "secretary1");
        int first = CandidateData.Next(), second = CandidateData.Next();
        MultipartFormDataContent Upload(int n, string? formToken = null)
        {
            var csv = $"考生编号,姓名,证件号码,手机号,专业代码\n{CandidateData.Exam(n)},跨站测试,{CandidateData.Id(n)},{CandidateData.Phone(n)},{majorCode}\n";
            var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
            file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            var form = new MultipartFormDataContent { { file, "file", "candidates.csv" } };
            if (formToken is not null)
                form.Add(new StringContent(formToken), "__RequestVerificationToken");
            return form;
        }
        const string url = "/api/v1/candidates/import?dryRun=false";

        foreach (var forged in Forged)
            await AssertRefusedAsync(await secretary.SendAsync(HttpMethod.Post, url, forged, Upload(first)), forged);
        Assert.False(await ExistsAsync(CandidateData.Exam(first)));

        Assert.Equal(HttpStatusCode.OK, (await secretary.SendAsync(HttpMethod.Post, url, Presenting.CookieWithToken, Upload(first))).StatusCode);
        Assert.True(await ExistsAsync(CandidateData.Exam(first)));
        // A plain HTML form would carry the token as a field of the multipart body instead of the header.
        var asField = Request(HttpMethod.Post, url, Presenting.CookieWithoutToken, token: null, Upload(second, secretary.Token));
        Assert.Equal(HttpStatusCode.OK, (await secretary.Client.SendAsync(asField)).StatusCode);
        Assert.True(await ExistsAsync(CandidateData.Exam(second)));
    }

    [Fact]
    public async Task Deleting_a_candidate_by_the_api_or_the_page_needs_the_token_from_this_origin()
    {
        var (_, major, _) = await CandidateData.MajorOfAsync(portal, "secretary1");
        var bearer = await portal.ClientForStaffAsync("secretary1");
        var byApi = await CandidateData.CreateAsync(bearer, CandidateData.Next(), major);
        var byPage = await CandidateData.CreateAsync(bearer, CandidateData.Next(), major);
        var secretary = await StaffAsync(portal, "secretary1");

        foreach (var forged in Forged)
            await AssertRefusedAsync(await secretary.SendAsync(HttpMethod.Delete, $"/api/v1/candidates/{byApi}", forged), forged);
        Assert.True(await portal.WithDbAsync(db => db.Candidates.AnyAsync(c => c.Id == byApi)));
        Assert.Equal(HttpStatusCode.NoContent, (await secretary.SendAsync(HttpMethod.Delete, $"/api/v1/candidates/{byApi}", Presenting.CookieWithToken)).StatusCode);
        Assert.False(await portal.WithDbAsync(db => db.Candidates.AnyAsync(c => c.Id == byApi)));

        var page = $"/Candidates/Details/{byPage}?handler=Delete";
        var bare = await secretary.SendAsync(HttpMethod.Post, page, Presenting.CookieWithoutToken, new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, bare.StatusCode);
        var subdomain = await secretary.SendAsync(HttpMethod.Post, page, Presenting.TokenFromSameSite, Field(secretary.Token));
        Assert.Equal(HttpStatusCode.Forbidden, subdomain.StatusCode);
        Assert.True(await portal.WithDbAsync(db => db.Candidates.AnyAsync(c => c.Id == byPage)));
        await secretary.SendAsync(HttpMethod.Post, page, Presenting.CookieWithoutToken, Field(secretary.Token));
        Assert.False(await portal.WithDbAsync(db => db.Candidates.AnyAsync(c => c.Id == byPage)));
    }

    [Fact]
    public async Task A_candidates_uploads_need_the_token_from_this_origin()
    {
        var interview = await portal.NotifiedInterviewAsync("assistant1");
        var me = await portal.WithDbAsync(db => db.Candidates.Where(c => c.Id == interview.CandidateId)
            .Select(c => new DemoCandidate(c.Id, c.ExamNumber, c.Name, c.Phone, c.CollegeId)).FirstAsync());
        var candidate = await CandidateAsync(portal, me);
        var photoUrl = $"/api/v1/interviews/{interview.Id}/id-photo";

        foreach (var forged in Forged)
        {
            await AssertRefusedAsync(await candidate.SendAsync(HttpMethod.Put, photoUrl, forged, Photo()), forged);
            await AssertRefusedAsync(await candidate.SendAsync(HttpMethod.Post, "/api/v1/me/phone-change-requests", forged, PhoneChange()), forged);
        }
        Assert.False(await portal.WithDbAsync(db => db.IdVerifications.AnyAsync(v => v.InterviewId == interview.Id)));
        Assert.False(await portal.WithDbAsync(db => db.PhoneChangeRequests.AnyAsync(r => r.CandidateId == me.Id)));
        Assert.Equal(InterviewStatus.Notified, await StatusOfAsync(interview.Id));

        Assert.Equal(HttpStatusCode.Accepted, (await candidate.SendAsync(HttpMethod.Put, photoUrl, Presenting.CookieWithToken, Photo())).StatusCode);
        Assert.Equal(InterviewStatus.IdSubmitted, await StatusOfAsync(interview.Id));
        Assert.Equal(HttpStatusCode.Created, (await candidate.SendAsync(HttpMethod.Post, "/api/v1/me/phone-change-requests", Presenting.CookieWithToken, PhoneChange())).StatusCode);
        Assert.True(await portal.WithDbAsync(db => db.PhoneChangeRequests.AnyAsync(r => r.CandidateId == me.Id)));
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response, Presenting forged)
    {
        var expected = forged == Presenting.CookieWithoutToken ? HttpStatusCode.BadRequest : HttpStatusCode.Forbidden;
        Assert.True(response.StatusCode == expected && await RefusalAsync(response) is not null,
            $"{forged}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private Task<InterviewStatus> StatusOfAsync(int id) => portal.WithDbAsync(db => db.Interviews.Where(i => i.Id == id).Select(i => i.Status).FirstAsync());

    private Task<bool> ExistsAsync(string examNumber) => portal.WithDbAsync(db => db.Candidates.AnyAsync(c => c.ExamNumber == examNumber));

    private static FormUrlEncodedContent Field(string token) => new(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });

    private static MultipartFormDataContent Photo()
    {
        var file = new ByteArrayContent(TestPhotos.Jpeg());
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        return new MultipartFormDataContent { { file, "photo", "photo.jpg" } };
    }

    private static MultipartFormDataContent PhoneChange()
    {
        MultipartFormDataContent form = new() { { new StringContent("13912345670"), "newPhone" }, { new StringContent("原号码已停用"), "reason" } };
        foreach (var field in new[] { "idCard", "admissionTicket" })
        {
            var scan = new ByteArrayContent(TestPhotos.Jpeg());
            scan.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            form.Add(scan, field, field + ".jpg");
        }
        return form;
    }
}

public class CrossSiteDataSqliteTests(SqlitePortalFactory portal) : CrossSiteDataTests(portal), IClassFixture<SqlitePortalFactory>;

public class CrossSiteDataPostgresTests(PostgresPortalFactory portal) : CrossSiteDataTests(portal), IClassFixture<PostgresPortalFactory>;
