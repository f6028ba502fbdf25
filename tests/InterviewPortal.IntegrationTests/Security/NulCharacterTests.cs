using System.Net;
using System.Net.Http.Json;
using InterviewPortal.Data.Requests;
using InterviewPortal.IntegrationTests.CandidateAuth;
using InterviewPortal.IntegrationTests.Candidates;
using InterviewPortal.IntegrationTests.Infrastructure;
using InterviewPortal.IntegrationTests.Me;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.IntegrationTests.Security;

/// <summary>
/// A NUL (U+0000) in a search box, a JSON string or a form field: PostgreSQL cannot store or compare it and Npgsql
/// throws, which was a 500 on /Candidates, /Admin/Audit and /Admin/Outbox. Every door refuses it with a 400 and
/// nothing is written — on PostgreSQL, where it mattered, and on SQLite, where the same answer keeps the two alike.
/// </summary>
public abstract class NulCharacterTests(PortalFactory portal)
{
    [Theory]
    [InlineData("/Candidates?q=%00")]
    [InlineData("/Candidates?q=13%00")]
    [InlineData("/Admin/Audit?q=a%00b")]
    [InlineData("/Admin/Outbox?q=%00")]
    public async Task A_nul_in_a_pages_query_is_a_400_page(string url)
    {
        var admin = await PagesAsync("admin");
        var response = await admin.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("text/html", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/candidates?q=%00")]
    [InlineData("/api/v1/audit?actor=%00")]
    [InlineData("/api/v1/outbox?recipient=1%00")]
    public async Task A_nul_in_an_api_query_is_a_400_problem(string url)
    {
        var admin = await portal.ClientForStaffAsync("admin");
        var response = await admin.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_nul_in_a_json_string_is_a_400_and_nothing_is_stored()
    {
        var candidate = await portal.CandidateAsync(7);
        var client = await portal.ClientForCandidateAsync(candidate);
        var before = await portal.WithDbAsync(db => db.AssignmentReports.CountAsync());

        var response = await client.PostAsJsonAsync("/api/v1/me/assignment-reports", new { message = "专业\u0000有误" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await portal.WithDbAsync(db => db.AssignmentReports.CountAsync()));
        // The same report without the NUL is taken: the refusal is about the character, not the route.
        Assert.True((await client.PostAsJsonAsync("/api/v1/me/assignment-reports", new { message = "专业有误" })).IsSuccessStatusCode);
    }

    [Fact]
    public async Task A_nul_in_a_page_form_field_is_a_400_and_nothing_changes()
    {
        var requestId = await portal.WithDbAsync(async db =>
        {
            var candidate = await db.Candidates.Where(c => c.College.Code == "CS").OrderByDescending(c => c.Id).FirstAsync();
            var request = new PhoneChangeRequest { CandidateId = candidate.Id, CollegeId = candidate.CollegeId, NewPhone = CandidateData.Phone(CandidateData.Next()), Reason = "换号" };
            db.PhoneChangeRequests.Add(request);
            await db.SaveChangesAsync();
            return request.Id;
        });
        var secretary = await PagesAsync("secretary1");

        var response = await secretary.PostFormAsync($"/Inbox?handler=Refuse&id={requestId}", new Dictionary<string, string> { ["reason"] = "材料\0不全" }, formPage: "/Inbox");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(RequestStatus.Open, await portal.WithDbAsync(db => db.PhoneChangeRequests.Where(r => r.Id == requestId).Select(r => r.Status).SingleAsync()));
    }

    private async Task<HttpClient> PagesAsync(string userName)
    {
        var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await client.SignInStaffAsync(userName);
        return client;
    }
}

public sealed class NulCharacterPostgresTests(PostgresPortalFactory portal) : NulCharacterTests(portal), IClassFixture<PostgresPortalFactory>;

public sealed class NulCharacterSqliteTests(SqlitePortalFactory portal) : NulCharacterTests(portal), IClassFixture<SqlitePortalFactory>;
