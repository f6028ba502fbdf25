using System.Net;
using System.Text.RegularExpressions;
using InterviewPortal.Data.Requests;
using InterviewPortal.IntegrationTests.CandidateAuth;
using InterviewPortal.IntegrationTests.Infrastructure;
using InterviewPortal.IntegrationTests.Me;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.IntegrationTests.Inbox;

/// <summary>The secretary judges a phone change on the inbox page: both scans open from there, audited like the API.</summary>
public partial class InboxPageTests(SqlitePortalFactory portal) : IClassFixture<SqlitePortalFactory>
{
    [Fact]
    public async Task The_inbox_page_links_both_scans_serves_them_audited_and_drops_the_links_after_the_decision()
    {
        var candidate = await PhoneChangeKit.CandidateOfAsync(portal, "secretary1", 5);
        var id = await PhoneChangeKit.FileAsync(await portal.ClientForCandidateAsync(candidate));
        var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInStaffAsync("secretary1")).StatusCode);

        var html = await client.GetStringAsync("/Inbox");
        var links = DocumentLink().Matches(html).Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value))
            .Where(href => href.Contains($"id={id}&", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, links.Count);
        Assert.Contains(links, l => l.Contains("document=idCard", StringComparison.Ordinal));
        Assert.Contains(links, l => l.Contains("document=admissionTicket", StringComparison.Ordinal));
        Assert.Contains(candidate.Phone[..3], html, StringComparison.Ordinal); // the current number, masked
        Assert.DoesNotContain(candidate.Phone, html, StringComparison.Ordinal);
        Assert.Contains("原号码已停用", html, StringComparison.Ordinal);

        foreach (var link in links)
            await PhoneChangeKit.AssertScanAsync(await client.GetAsync(link));
        Assert.Equal(2, await portal.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "phone-change.document-viewed"
            && a.EntityId == id.ToString() && a.Actor == "secretary1")));

        // Another college's secretary gets nothing from the same link.
        var other = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await other.SignInStaffAsync("secretary2");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(links[0])).StatusCode);

        var approved = await client.PostFormAsync($"/Inbox?handler=Approve&id={id}", new Dictionary<string, string>(), formPage: "/Inbox");
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal(RequestStatus.Approved, await portal.WithDbAsync(db => db.PhoneChangeRequests.Where(r => r.Id == id).Select(r => r.Status).SingleAsync()));
        Assert.DoesNotContain(links[0], System.Net.WebUtility.HtmlDecode(await approved.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(links[0])).StatusCode);
    }

    [GeneratedRegex("href=\"([^\"]*handler=Document[^\"]*)\"")]
    private static partial Regex DocumentLink();
}
