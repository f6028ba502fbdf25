using System.Net;
using System.Text.RegularExpressions;
using InterviewPortal.Data.Interviews;
using InterviewPortal.IntegrationTests.CandidateAuth;
using InterviewPortal.IntegrationTests.Infrastructure;
using InterviewPortal.IntegrationTests.Security;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace InterviewPortal.IntegrationTests.Localization;

/// <summary>
/// Every page of the app, opened in zh-CN by each kind of person, says everything in Chinese: no enum member name and
/// no English word a translator missed. Latin letters are allowed in proper names and abbreviations (the allow-list),
/// in what the database holds (names, user names, room names, sent messages: data, not text), in code-like tokens
/// (exam numbers, file names, URLs, e-mail addresses), in &lt;code&gt;/&lt;kbd&gt; and in anything marked lang="en".
/// </summary>
public abstract partial class ChinesePageWordsTests(PortalFactory portal, ITestOutputHelper output)
{
    private static readonly HashSet<string> Allowed = new(StringComparer.OrdinalIgnoreCase)
    {
        "WeLink", "ID", "API", "PDF", "Excel", "CSV", "XLSX", "JPEG", "JPG", "PNG", "MB", "KB", "GB", "UTF", "GB18030", "SMS",
        "URL", "QR", "IP", "HTTP", "HTTPS", "PIN", "OK", "PC", "App", "iOS", "Android", "Windows", "macOS", "Chrome", "Edge",
        "Safari", "Firefox", "XFD", "Hangfire", "Swagger", "SignalR", "InterviewPortal", "TOTP", "Authenticator", "Microsoft",
        "Google", "FreeOTP", "Tencent", "TencentMeeting", "VooV", "JavaScript", "Mbps", "Wi", "Fi",
    };

    [Fact]
    public async Task Every_page_in_chinese_shows_no_english_word_and_no_enum_name()
    {
        var enumNames = Enum.GetNames<InterviewStatus>().Concat(Enum.GetNames<Data.Verifications.VerificationStatus>())
            .Concat(Enum.GetNames<Data.Requests.RequestStatus>()).ToHashSet(StringComparer.Ordinal);
        var findings = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        var pages = 0;
        var callers = await CallersAsync();
        var dataWords = await DataWordsAsync(); // after the sign-ins: the outbox holds their codes
        foreach (var (who, client) in callers)
        {
            foreach (var route in AppRoutes.Pages(portal).Where(r => !r.Contains("Logout", StringComparison.OrdinalIgnoreCase)))
            {
                var url = AppRoutes.Fill(route, _ => "1");
                var response = await client.GetAsync(url);
                if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html")
                    continue;
                pages++;
                foreach (Match word in LatinWord().Matches(VisibleText(await response.Content.ReadAsStringAsync())))
                {
                    var w = word.Value;
                    if (!enumNames.Contains(w) && (Allowed.Contains(w) || dataWords.Contains(w)))
                        continue;
                    var where = $"{url} as {who}";
                    if (!findings.TryGetValue(where, out var set))
                        findings[where] = set = new SortedSet<string>(StringComparer.Ordinal);
                    set.Add(w);
                }
            }
        }
        output.WriteLine($"{pages} pages read in zh-CN");
        Assert.True(pages > 40, $"only {pages} pages were read");
        Assert.True(findings.Count == 0, string.Join("\n", findings.Select(f => $"{f.Key}: {string.Join(", ", f.Value)}")));
    }

    /// <summary>The page's text as a reader sees it, without scripts, code, anything marked English, tags and tokens.</summary>
    internal static string VisibleText(string html)
    {
        var text = Script().Replace(html, " ");
        text = MarkedEnglish().Replace(text, " ");
        text = WebUtility.HtmlDecode(Tag().Replace(text, " "));
        return Token().Replace(text, " ");
    }

    private async Task<HashSet<string>> DataWordsAsync()
    {
        var texts = await portal.WithDbAsync(async db => new[]
        {
            await db.Colleges.Select(c => c.Name + " " + c.Code).ToListAsync(),
            await db.Majors.Select(m => m.Name + " " + m.Code).ToListAsync(),
            await db.ExamRooms.Select(r => r.Name).ToListAsync(),
            await db.Examiners.Select(e => e.Name).ToListAsync(),
            await db.Candidates.Select(c => c.Name + " " + c.ExamNumber).ToListAsync(),
            await db.Users.Select(u => u.UserName + " " + u.DisplayName).ToListAsync(),
            // The outbox page shows the messages as sent: bilingual SMS texts and their kind codes.
            await db.GatewayOutbox.Select(g => g.Kind + " " + g.Text).ToListAsync(),
        }.SelectMany(t => t).ToList());
        return [.. texts.SelectMany(t => LatinWord().Matches(t ?? "").Select(m => m.Value))];
    }

    private async Task<List<(string Who, HttpClient Client)>> CallersAsync()
    {
        var callers = new List<(string, HttpClient)> { ("anonymous", Browser()) };
        foreach (var user in new[] { "admin", "secretary1", "assistant1" })
        {
            var client = Browser();
            Assert.Equal(HttpStatusCode.Redirect, (await client.SignInStaffAsync(user)).StatusCode);
            callers.Add((user, client));
        }
        callers.Add(("candidate", (await portal.PageClientForCandidateAsync(await portal.CandidateAsync(5))).Client));
        return callers;
    }

    private HttpClient Browser() => portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [GeneratedRegex("<(script|style|code|kbd|template)\\b.*?</\\1>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Script();

    [GeneratedRegex("<(\\w+)\\b[^>]*\\blang=\"en[^\"]*\"[^>]*>.*?</\\1>", RegexOptions.Singleline)]
    private static partial Regex MarkedEnglish();

    [GeneratedRegex("<[^>]*>", RegexOptions.Singleline)]
    private static partial Regex Tag();

    /// <summary>URLs, e-mail addresses, file names, and tokens with digits or symbols in them (exam numbers, codes, times).</summary>
    [GeneratedRegex(@"\S*(?:://|@|\.(?:xlsx|csv|pdf|png|jpe?g|ics)\b)\S*|\b(?=\w*\d)\w+\b|\b\w+(?:[-_:/.]\w+)+\b", RegexOptions.IgnoreCase)]
    private static partial Regex Token();

    [GeneratedRegex(@"[A-Za-z]+")]
    private static partial Regex LatinWord();
}

public sealed class ChinesePageWordsSqliteTests(SqlitePortalFactory portal, ITestOutputHelper output)
    : ChinesePageWordsTests(portal, output), IClassFixture<SqlitePortalFactory>;

public sealed class ChinesePageWordsPostgresTests(PostgresPortalFactory portal, ITestOutputHelper output)
    : ChinesePageWordsTests(portal, output), IClassFixture<PostgresPortalFactory>;
