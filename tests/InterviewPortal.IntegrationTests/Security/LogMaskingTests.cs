using System.Net.Http.Json;
using System.Text.RegularExpressions;
using InterviewPortal.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.IntegrationTests.Security;

public partial class LogMaskingTests
{
    /// <summary>
    /// Walks the ways personal data reaches a request (sign-in, lists, a failed sign-in with a phone number as
    /// the user name, ID numbers in paths and query strings), then reads the rolling log file the portal wrote.
    /// </summary>
    [Fact]
    public async Task A_whole_journey_leaves_no_unmasked_id_number_or_mobile_number_in_the_log()
    {
        var logs = Path.Combine(Path.GetTempPath(), "portal-log-scan", Guid.NewGuid().ToString("N"));
        string phone, idNumber;
        using (var portal = new PortalFactory())
        {
            portal.Settings["Logging:Folder"] = logs;
            (phone, idNumber) = await portal.WithDbAsync(db => db.Candidates.OrderBy(c => c.Id).Select(c => new ValueTuple<string, string>(c.Phone, c.IdNumber)).FirstAsync());
            var candidateId = await portal.WithDbAsync(db => db.Candidates.Where(c => c.Phone == phone).Select(c => c.Id).FirstAsync());

            var browser = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            await browser.SignInStaffAsync("secretary1");
            await browser.GetAsync("/Candidates");
            await browser.GetAsync($"/Candidates?q={idNumber}");
            await browser.GetAsync($"/Candidates?q={phone}");

            var stranger = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            await stranger.SignInStaffAsync(phone, "wrong-password");
            await stranger.PostAsJsonAsync("/api/v1/auth/token", new { userName = phone, password = "wrong-password" });
            await stranger.PostAsJsonAsync("/api/v1/auth/token", new { userName = idNumber, password = "wrong-password" });
            await stranger.PostAsJsonAsync("/api/v1/candidate/auth/code", new { phone });
            await stranger.PostAsJsonAsync("/api/v1/candidate/auth/token", new { phone, code = "000000" });
            await stranger.GetAsync($"/api/v1/candidates?q={idNumber}");

            var api = await portal.ClientForStaffAsync("secretary1");
            await api.GetAsync("/api/v1/candidates?pageSize=200");
            await api.GetAsync($"/api/v1/candidates?q={idNumber}");
            await api.GetAsync($"/api/v1/candidates?q={phone}");
            await api.GetAsync($"/api/v1/candidates/{idNumber}");
            await api.GetAsync($"/api/v1/candidates?collegeId={idNumber}");
            await api.GetAsync($"/api/v1/pledge/unconfirmed?roomId={phone}");
            await api.PostAsync("/api/v1/pledge/reminders", new StringContent($"{{\"candidateIds\":[\"{phone}\"]}}", System.Text.Encoding.UTF8, "application/json"));
            await api.PostAsJsonAsync("/api/v1/pledge/reminders", new { });

            var candidate = portal.ClientForCandidate(candidateId);
            await candidate.GetAsync($"/api/v1/me/pledge?phone={phone}&id={idNumber}");
            await candidate.PostAsync("/api/v1/me/pledge", new StringContent($"{{\"version\":\"{idNumber}\"}}", System.Text.Encoding.UTF8, "application/json"));
        } // disposing the host flushes and closes the log file

        try
        {
            var files = Directory.GetFiles(logs, "portal-*.log");
            Assert.NotEmpty(files);
            var text = string.Concat(files.Select(File.ReadAllText));
            Assert.Contains("/api/v1/candidates", text); // the scan reads the real request log
            var lines = text.Split('\n');
            var leaks = IdNumber().Matches(text).Concat(Mobile().Matches(text))
                .Select(m => Entry(lines, m.Value)).Distinct().ToList();
            Assert.True(leaks.Count == 0, "Unmasked personal data in the log:\n" + string.Join("\n---\n", leaks));
            Assert.DoesNotContain(phone, text);
            Assert.DoesNotContain(idNumber, text);
        }
        finally
        {
            try { Directory.Delete(logs, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>The log entry (its first line and the line with the match) that carries <paramref name="value"/>.</summary>
    private static string Entry(string[] lines, string value)
    {
        var at = Array.FindIndex(lines, l => l.Contains(value, StringComparison.Ordinal));
        var start = at;
        while (start > 0 && !EntryStart().IsMatch(lines[start]))
            start--;
        return start == at ? lines[at].Trim() : lines[start].Trim() + "\n    ... " + lines[at].Trim();
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2} ")]
    private static partial Regex EntryStart();

    [GeneratedRegex(@"(?<![0-9])[1-9][0-9]{16}[0-9Xx](?![0-9Xx])")]
    private static partial Regex IdNumber();

    [GeneratedRegex(@"(?<![0-9])1[3-9][0-9]{9}(?![0-9])")]
    private static partial Regex Mobile();
}
