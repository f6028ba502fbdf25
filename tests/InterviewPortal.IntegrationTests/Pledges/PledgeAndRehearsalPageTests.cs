using System.Net;
using InterviewPortal.IntegrationTests.Infrastructure;
using InterviewPortal.IntegrationTests.Rehearsals;
using InterviewPortal.IntegrationTests.Security;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.IntegrationTests.Pledges;

public class PledgeAndRehearsalPageTests(SqlitePortalFactory portal) : IClassFixture<SqlitePortalFactory>
{
    [Fact]
    public async Task The_admin_page_refuses_an_empty_text_next_to_the_field_and_publishes_a_new_version()
    {
        var admin = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await admin.SignInStaffAsync("admin");
        var before = await portal.WithDbAsync(db => db.PledgeVersions.MaxAsync(p => p.Version));

        var empty = await admin.PostFormAsync("/Admin/Pledge", new Dictionary<string, string> { ["Input.TextZh"] = "", ["Input.TextEn"] = "Rules" });
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        var html = await empty.Content.ReadAsStringAsync();
        Assert.Contains("field-validation-error", html);
        Assert.Equal(before, await portal.WithDbAsync(db => db.PledgeVersions.MaxAsync(p => p.Version)));

        var saved = await admin.PostFormAsync("/Admin/Pledge", new Dictionary<string, string> { ["Input.TextZh"] = "新的考试须知，复试可能录像。", ["Input.TextEn"] = "New rules; the session may be recorded." });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var latest = await portal.WithDbAsync(db => db.PledgeVersions.OrderByDescending(p => p.Version).FirstAsync());
        Assert.Equal(before + 1, latest.Version);
        Assert.Equal("admin", latest.CreatedBy);
    }

    [Fact]
    public async Task The_candidate_reads_and_confirms_the_pledge_on_their_page()
    {
        var college = await portal.CollegeOfAsync("secretary1");
        var candidateId = await portal.FreeCandidateAsync(college, skip: 5);
        var candidate = portal.ClientForCandidate(candidateId, new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var version = await portal.WithDbAsync(db => db.PledgeVersions.MaxAsync(p => p.Version));
        await portal.WithDbAsync(async db => await db.PledgeConfirmations.Where(c => c.CandidateId == candidateId).ExecuteDeleteAsync());

        var page = await candidate.GetStringAsync("/Me/Pledge");
        Assert.Contains("pledge-confirm", page);
        var confirmed = await candidate.PostFormAsync("/Me/Pledge", new Dictionary<string, string> { ["Version"] = version.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        // HttpClient drops the bearer header on redirects, so come back by hand.
        var after = await candidate.GetStringAsync(confirmed.Headers.Location);
        Assert.Contains("pledge-confirmed", after);
        Assert.DoesNotContain("pledge-confirm\"", after);
        Assert.True(await portal.WithDbAsync(db => db.PledgeConfirmations.AnyAsync(c => c.CandidateId == candidateId && c.Version == version)));
    }

    [Fact]
    public async Task An_outdated_confirmation_on_the_page_says_the_pledge_changed()
    {
        var candidateId = await portal.FreeCandidateAsync(await portal.CollegeOfAsync("secretary2"), skip: 5);
        var candidate = portal.ClientForCandidate(candidateId);
        var response = await candidate.PostFormAsync("/Me/Pledge", new Dictionary<string, string> { ["Version"] = "9999" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("承诺书已更新", await response.Content.ReadAsStringAsync());
        Assert.False(await portal.WithDbAsync(db => db.PledgeConfirmations.AnyAsync(c => c.CandidateId == candidateId && c.Version == 9999)));
    }

    [Fact]
    public async Task The_college_pages_list_unconfirmed_candidates_and_rehearsal_gaps_and_the_remind_button_sends()
    {
        var secretary = portal.CreateClient();
        await secretary.SignInStaffAsync("secretary1");
        var pledge = await secretary.GetStringAsync("/College/Pledge");
        Assert.Contains("<table class=\"grid\">", pledge);
        var since = DateTime.UtcNow.AddSeconds(-1);
        var remind = await secretary.PostFormAsync("/College/Pledge?handler=Remind", new Dictionary<string, string>(), formPage: "/College/Pledge");
        Assert.Equal(HttpStatusCode.OK, remind.StatusCode);
        Assert.True(await portal.WithDbAsync(db => db.GatewayOutbox.AnyAsync(g => g.Kind == "PledgeReminder" && g.CreatedAt >= since)));

        var gaps = await secretary.GetAsync("/College/Rehearsals?before=2030-01-01");
        Assert.Equal(HttpStatusCode.OK, gaps.StatusCode);
        Assert.Contains("rehearsal-gap-missing", await gaps.Content.ReadAsStringAsync());
        var bad = await secretary.GetStringAsync("/College/Rehearsals?before=someday");
        Assert.Contains("field-validation-error", bad);
    }

    [Fact]
    public async Task A_secretary_cannot_open_the_admin_pledge_page()
    {
        var secretary = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await secretary.SignInStaffAsync("secretary1");
        var response = await secretary.GetAsync("/Admin/Pledge");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("AccessDenied", response.Headers.Location?.ToString());
    }
}
