using System.Net;
using InterviewPortal.Data.Requests;
using InterviewPortal.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.IntegrationTests.Candidates;

public class CandidatePageTests(SqlitePortalFactory portal) : IClassFixture<SqlitePortalFactory>
{
    private async Task<HttpClient> SignedInAsync(string user)
    {
        var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.SignInStaffAsync(user);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    [Fact]
    public async Task The_secretary_pages_render_with_masked_numbers_in_the_list()
    {
        var client = await SignedInAsync("secretary1");
        var list = await client.GetStringAsync("/Candidates?q=1048");
        Assert.Matches(@"\d{4}\*{10}\d{3}[\dX]", list);
        Assert.Matches(@"1\d{2}\*{4}\d{4}", list);
        foreach (var page in new[] { "/Candidates/Create", "/Candidates/Import", "/Inbox" })
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(page)).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await client.GetAsync("/Admin/Colleges")).StatusCode);
    }

    [Fact]
    public async Task Another_colleges_candidate_is_404_on_the_detail_edit_and_delete_pages()
    {
        var otherId = await portal.WithDbAsync(db => db.Candidates.Where(c => c.College.Code == "CS").Select(c => c.Id).FirstAsync());
        var client = await SignedInAsync("secretary2");

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Candidates/Details/{otherId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Candidates/Edit/{otherId}")).StatusCode);
        var (_, ownMajor, _) = await CandidateData.MajorOfAsync(portal, "secretary2");
        var n = CandidateData.Next();
        var edit = await client.PostFormAsync($"/Candidates/Edit/{otherId}", new Dictionary<string, string>
        {
            ["Input.ExamNumber"] = CandidateData.Exam(n), ["Input.Name"] = "篡改", ["Input.IdNumber"] = CandidateData.Id(n), ["Input.Phone"] = CandidateData.Phone(n), ["Input.MajorId"] = ownMajor.ToString(),
        }, formPage: "/Candidates/Create");
        Assert.Equal(HttpStatusCode.NotFound, edit.StatusCode);
        var delete = await client.PostFormAsync($"/Candidates/Details/{otherId}?handler=Delete", new Dictionary<string, string>(), formPage: "/Candidates/Create");
        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
        Assert.NotEqual("篡改", await portal.WithDbAsync(db => db.Candidates.Where(c => c.Id == otherId).Select(c => c.Name).SingleAsync()));
    }

    [Fact]
    public async Task The_create_page_shows_field_errors_next_to_the_fields_and_saves_a_valid_candidate()
    {
        var (_, major, _) = await CandidateData.MajorOfAsync(portal, "secretary1");
        var client = await SignedInAsync("secretary1");
        var n = CandidateData.Next();

        var bad = await client.PostFormAsync("/Candidates/Create", new Dictionary<string, string>
        {
            ["Input.ExamNumber"] = "123", ["Input.Name"] = "页面考生", ["Input.IdNumber"] = CandidateData.Id(n)[..17], ["Input.Phone"] = CandidateData.Phone(n), ["Input.MajorId"] = major.ToString(),
        });
        var html = await bad.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("data-valmsg-for=\"Input.ExamNumber\"", html, StringComparison.Ordinal);
        Assert.Matches("field-error field-validation-error\" data-valmsg-for=\"Input.IdNumber\"", html);

        var good = await client.PostFormAsync("/Candidates/Create", new Dictionary<string, string>
        {
            ["Input.ExamNumber"] = CandidateData.Exam(n), ["Input.Name"] = "页面考生", ["Input.IdNumber"] = CandidateData.Id(n), ["Input.Phone"] = CandidateData.Phone(n), ["Input.MajorId"] = major.ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        var details = await client.GetStringAsync(good.Headers.Location!.ToString());
        Assert.Contains(CandidateData.Id(n), details, StringComparison.Ordinal);
        Assert.True(await portal.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "candidate.viewed")));
    }

    [Fact]
    public async Task The_inbox_page_refuses_a_phone_change_only_with_a_reason()
    {
        var requestId = await portal.WithDbAsync(async db =>
        {
            var candidate = await db.Candidates.Where(c => c.College.Code == "CS").OrderByDescending(c => c.Id).FirstAsync();
            var request = new PhoneChangeRequest { CandidateId = candidate.Id, CollegeId = candidate.CollegeId, NewPhone = CandidateData.Phone(CandidateData.Next()), Reason = "换号" };
            db.PhoneChangeRequests.Add(request);
            await db.SaveChangesAsync();
            return request.Id;
        });
        var client = await SignedInAsync("secretary1");

        var empty = await client.PostFormAsync($"/Inbox?handler=Refuse&id={requestId}", new Dictionary<string, string> { ["reason"] = " " }, formPage: "/Inbox");
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Equal(RequestStatus.Open, await portal.WithDbAsync(db => db.PhoneChangeRequests.Where(r => r.Id == requestId).Select(r => r.Status).SingleAsync()));

        await client.PostFormAsync($"/Inbox?handler=Refuse&id={requestId}", new Dictionary<string, string> { ["reason"] = "材料不全" }, formPage: "/Inbox");
        Assert.Equal(RequestStatus.Refused, await portal.WithDbAsync(db => db.PhoneChangeRequests.Where(r => r.Id == requestId).Select(r => r.Status).SingleAsync()));

        var intruder = await SignedInAsync("secretary2");
        var foreign = await intruder.PostFormAsync($"/Inbox?handler=Approve&id={requestId}", new Dictionary<string, string>(), formPage: "/Candidates/Create");
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
    }

    [Fact]
    public async Task The_admin_pages_render_for_the_admin()
    {
        var client = await SignedInAsync("admin");
        foreach (var page in new[] { "/Admin", "/Admin/Colleges", "/Admin/Staff", "/Admin/Settings", "/Candidates" })
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(page)).StatusCode);
    }
}
