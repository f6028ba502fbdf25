using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using InterviewPortal.Data.Interviews;
using InterviewPortal.Data.Requests;
using InterviewPortal.Data.Verifications;
using InterviewPortal.IntegrationTests.CandidateAuth;
using InterviewPortal.IntegrationTests.Me;
using InterviewPortal.IntegrationTests.Verifications;
using InterviewPortal.IntegrationTests.ExamDay;
using InterviewPortal.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace InterviewPortal.IntegrationTests.Localization;

/// <summary>
/// A zh-CN page shows an enum value in words, never as its member name: the pages that list interviews, candidates,
/// ID verifications, requests and staff roles. Attribute values (CSS classes, option values) may hold the codes.
/// </summary>
public abstract partial class EnumWordsPageTests(PortalFactory portal)
{
    private static readonly string[] EnumNames =
    [
        .. Enum.GetNames<InterviewStatus>(), .. Enum.GetNames<VerificationStatus>(), .. Enum.GetNames<RequestStatus>(),
        "Secretary", "Assistant", "Admin",
    ];

    [Fact]
    public async Task Zh_cn_pages_show_the_chinese_words_and_no_enum_member_name()
    {
        // Something in every list: a pending ID verification in assistant1's room and an open phone change of secretary1's college.
        var interview = await portal.NotifiedInterviewAsync("assistant1");
        var upload = await (await portal.ClientForStaffAsync("assistant1")).UploadPhotoAsync(interview.Id, TestPhotos.Jpeg());
        Assert.Equal(HttpStatusCode.Accepted, upload.StatusCode);
        var verification = (await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("verificationId").GetInt32();
        var request = await PhoneChangeKit.FileAsync(await portal.ClientForCandidateAsync(await PhoneChangeKit.CandidateOfAsync(portal, "secretary1", 7)));
        var clients = new Dictionary<string, HttpClient> { ["secretary1"] = await SignedInZhAsync("secretary1") };
        // An open request shows its buttons; a decided one its state in words.
        var refused = await clients["secretary1"].PostFormAsync($"/Inbox?id={request}&handler=Refuse",
            new Dictionary<string, string> { ["reason"] = "照片不清晰" }, "/Inbox");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("已处理。", await refused.Content.ReadAsStringAsync());

        (string User, string Url, string? Word)[] pages =
        [
            ("secretary1", "/", null),
            ("secretary1", "/Candidates", "已排期"),
            ("secretary1", "/Schedule", null),
            ("secretary1", "/College", null),
            ("secretary1", "/Inbox", "未同意"),
            ("assistant1", $"/Review?id={verification}", "待审核"),
            ("admin", "/Candidates", "已排期"),
            ("admin", "/Admin/Staff", "学院秘书"),
        ];
        foreach (var (user, url, word) in pages)
        {
            if (!clients.TryGetValue(user, out var client))
                clients[user] = client = await SignedInZhAsync(user);
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var text = VisibleText(await response.Content.ReadAsStringAsync());

            var shown = EnumNames.Where(name => Regex.IsMatch(text, $@"\b{name}\b")).ToList();
            Assert.True(shown.Count == 0, $"{url} as {user} shows {string.Join(", ", shown)}");
            if (word is not null)
                Assert.Contains(word, text, StringComparison.Ordinal);
        }
    }

    private async Task<HttpClient> SignedInZhAsync(string user)
    {
        var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("zh-CN"));
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInStaffAsync(user)).StatusCode);
        return client;
    }

    /// <summary>The page's text as a reader sees it: no scripts, no tags (so no attribute values), entities decoded.</summary>
    private static string VisibleText(string html) =>
        WebUtility.HtmlDecode(Tag().Replace(ScriptOrStyle().Replace(html, " "), " "));

    [GeneratedRegex("<(script|style)\\b.*?</\\1>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex ScriptOrStyle();

    [GeneratedRegex("<[^>]*>", RegexOptions.Singleline)]
    private static partial Regex Tag();
}

public sealed class EnumWordsSqliteTests(SqlitePortalFactory portal) : EnumWordsPageTests(portal), IClassFixture<SqlitePortalFactory>;

public sealed class EnumWordsPostgresTests(PostgresPortalFactory portal) : EnumWordsPageTests(portal), IClassFixture<PostgresPortalFactory>;
