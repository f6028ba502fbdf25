using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using InterviewPortal.BrowserTests.Infrastructure;
using InterviewPortal.Data.Interviews;
using InterviewPortal.IntegrationTests.Candidates;
using Microsoft.EntityFrameworkCore;
using static Microsoft.Playwright.Assertions;

namespace InterviewPortal.BrowserTests.Journeys;

/// <summary>
/// The attack of issue 16 in a real browser: a secretary is signed in, and a page of another origin on the same site
/// (as a club's subdomain of the university would be) posts to the portal with her cookie: an auto-submitted form
/// cancelling an interview, a form to a Razor page deleting a candidate, a no-cors fetch cancelling another interview
/// and a no-cors multipart import changing a candidate's phone. Nothing may change.
/// </summary>
public sealed class CrossSiteJourneys(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    [Fact]
    public async Task A_page_of_another_origin_cannot_write_with_the_secretarys_cookie()
    {
        var college = await portal.Portal.WithDbAsync(db => db.Users.Where(u => u.UserName == "secretary1").Select(u => u.CollegeId!.Value).FirstAsync());
        var interviews = await portal.Portal.WithDbAsync(db => db.Interviews
            .Where(i => i.Candidate.CollegeId == college && i.Status == InterviewStatus.Scheduled && i.Kind == InterviewKind.Exam)
            .OrderBy(i => i.Id).Select(i => i.Id).Take(2).ToListAsync());
        var (_, major, _) = await CandidateData.MajorOfAsync(portal.Portal, "secretary1");
        var doomed = await CandidateData.CreateAsync(await portal.Portal.ClientForStaffAsync("secretary1"), CandidateData.Next(), major);
        var target = await portal.Portal.WithDbAsync(db => db.Candidates.Where(c => c.CollegeId == college && c.Id != doomed)
            .OrderBy(c => c.Id).Select(c => new { c.ExamNumber, c.Name, c.IdNumber, c.Phone, MajorCode = c.Major.Code }).FirstAsync());
        var csv = $"考生编号,姓名,证件号码,手机号,专业代码\n{target.ExamNumber},{target.Name},{target.IdNumber},16698765432,{target.MajorCode}\n";
        await AssertTheImportWouldChangeThePhoneAsync(csv);

        var portalOrigin = portal.BaseUrl.GetLeftPart(UriPartial.Authority);
        await using var attacker = await AnotherOrigin.StartAsync(portal.BaseUrl.Host, AttackPage(portalOrigin, interviews, doomed, csv));
        Assert.NotEqual(portal.BaseUrl.Port, attacker.Url.Port);

        var answers = new ConcurrentBag<(string Url, int Status, string SecFetchSite, bool Cookie)>();
        await portal.RunPageAsync(async page =>
        {
            await page.GotoAsync("/Candidates");
            await Expect(page.Locator("main h1")).ToBeVisibleAsync();
            page.Context.Response += async (_, response) =>
            {
                if (!response.Url.StartsWith(portalOrigin, StringComparison.Ordinal) || response.Request.Method != "POST")
                    return;
                var headers = await response.Request.AllHeadersAsync();
                answers.Add((new Uri(response.Url).PathAndQuery, response.Status, headers.GetValueOrDefault("sec-fetch-site", ""),
                    headers.GetValueOrDefault("cookie", "").Contains("ip.staff=", StringComparison.Ordinal)));
            };
            await page.GotoAsync(attacker.Url.ToString());
            await Expect(page.Locator("#fetched")).ToHaveTextAsync("2", new() { Timeout = 30_000 });
            for (var waited = 0; answers.Count < 4 && waited < 150; waited++)
                await Task.Delay(100);
        }, new Visit("secretary1"));

        var seen = answers.ToList();
        Assert.True(seen.Count == 4, "posts seen: " + string.Join("; ", seen));
        // Every post refused by the cross-site guard: 403, where a post without the cookie would have been 401 (API) or
        // a redirect to sign-in (page). For the two form posts the browser's headers are visible too: the session cookie
        // went along (same site), and Sec-Fetch-Site said where from. (Playwright does not report them for no-cors fetches.)
        Assert.All(seen, a => Assert.Equal(403, a.Status));
        var forms = seen.Where(a => a.Url.Contains("Details", StringComparison.Ordinal) || a.Url.Contains($"/{interviews[0]}/", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, forms.Count);
        Assert.All(forms, a => Assert.True(a is { SecFetchSite: "same-site", Cookie: true }, a.ToString()));
        Assert.Equal([InterviewStatus.Scheduled, InterviewStatus.Scheduled], await portal.Portal.WithDbAsync(db =>
            db.Interviews.Where(i => interviews.Contains(i.Id)).OrderBy(i => i.Id).Select(i => i.Status).ToListAsync()));
        Assert.True(await portal.Portal.WithDbAsync(db => db.Candidates.AnyAsync(c => c.Id == doomed)));
        Assert.Equal(target.Phone, await portal.Portal.WithDbAsync(db => db.Candidates.Where(c => c.ExamNumber == target.ExamNumber).Select(c => c.Phone).FirstAsync()));
    }

    [Fact]
    public async Task The_live_console_connects_over_a_websocket_under_connect_src_self_with_the_token_in_its_negotiation()
    {
        var sockets = new ConcurrentBag<string>();
        var negotiations = new ConcurrentBag<int>();
        var violations = new ConcurrentBag<string>();
        await portal.RunPageAsync(async page =>
        {
            page.WebSocket += (_, socket) => sockets.Add(socket.Url);
            page.Console += (_, message) => { if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) violations.Add(message.Text); };
            page.Response += (_, response) => { if (response.Url.Contains("/hubs/exam-day/negotiate", StringComparison.Ordinal)) negotiations.Add(response.Status); };
            await page.GotoAsync("/Console");
            await Expect(page.Locator("#console-connection")).ToHaveTextAsync("实时更新已连接");
        }, new Visit("assistant1"));

        Assert.Equal([200], negotiations);
        Assert.Contains(sockets, url => url.StartsWith("ws://", StringComparison.Ordinal) && url.Contains("/hubs/exam-day", StringComparison.Ordinal));
        Assert.Empty(violations);
    }

    /// <summary>The same file through the API with the secretary's bearer token, as a dry run: it is a working payload, not a malformed one.</summary>
    private async Task AssertTheImportWouldChangeThePhoneAsync(string csv)
    {
        var bearer = await portal.Portal.ClientForStaffAsync("secretary1");
        var dryRun = await CandidateData.ImportAsync(bearer, Encoding.UTF8.GetBytes(csv), "candidates.csv", dryRun: true);
        Assert.Equal(1, (await dryRun.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("updated").GetInt32());
    }

    private static string AttackPage(string portal, IReadOnlyList<int> interviews, int candidate, string csv) => $$"""
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>Chess club</title></head>
        <body>
        <h1>Chess club results</h1>
        <iframe name="one"></iframe><iframe name="two"></iframe>
        <form id="cancel" method="post" action="{{portal}}/api/v1/interviews/{{interviews[0]}}/cancel" target="one"></form>
        <form id="delete" method="post" action="{{portal}}/Candidates/Details/{{candidate}}?handler=Delete" target="two"><input name="confirm" value="1"></form>
        <p id="fetched">0</p>
        <script>
          document.getElementById('cancel').submit();
          document.getElementById('delete').submit();
          var done = 0;
          function count() { done++; document.getElementById('fetched').textContent = String(done); }
          fetch('{{portal}}/api/v1/interviews/{{interviews[1]}}/cancel', { method: 'POST', mode: 'no-cors', credentials: 'include' }).then(count, count);
          var form = new FormData();
          form.append('file', new Blob([{{JsonSerializer.Serialize(csv)}}], { type: 'text/csv' }), 'candidates.csv');
          fetch('{{portal}}/api/v1/candidates/import?dryRun=false', { method: 'POST', mode: 'no-cors', credentials: 'include', body: form }).then(count, count);
        </script>
        </body></html>
        """;
}
