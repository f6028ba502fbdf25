using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using InterviewPortal.IntegrationTests.Candidates;
using InterviewPortal.IntegrationTests.Infrastructure;
using InterviewPortal.Web.Infrastructure.Privacy;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.IntegrationTests.Import;

/// <summary>
/// The import page as a secretary uses it, through its forms: check a file (a dry run shown as a table of its rows,
/// masked, each with its errors), then commit it with the separate button, which imports exactly the checked file.
/// </summary>
public abstract partial class ImportPageFlowTests(PortalFactory portal)
{
    private async Task<HttpClient> SignedInAsync(string user)
    {
        var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInStaffAsync(user)).StatusCode);
        return client;
    }

    private static async Task<string> TokenAsync(HttpClient client) =>
        WebUtility.HtmlDecode(Token().Match(await client.GetStringAsync("/Candidates/Import")).Groups[1].Value);

    private static async Task<string> CheckAsync(HttpClient client, string csv)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(await TokenAsync(client)), "__RequestVerificationToken");
        form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "upload", "candidates.csv");
        var response = await client.PostAsync("/Candidates/Import?handler=Preview", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task<string> ConfirmAsync(HttpClient client)
    {
        var response = await client.PostFormAsync("/Candidates/Import?handler=Confirm", new Dictionary<string, string>(), formPage: "/Candidates/Import");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static string Line(int n, string code, string? phone = null) => $"{CandidateData.Exam(n)},预览考生{n % 1000},{CandidateData.Id(n)},{phone ?? CandidateData.Phone(n)},{code}\r\n";

    private Task<int> CountAsync(params int[] numbers) =>
        portal.WithDbAsync(db => db.Candidates.CountAsync(c => numbers.Select(CandidateData.Exam).Contains(c.ExamNumber)));

    [Fact]
    public async Task A_bad_file_shows_every_row_masked_with_its_errors_beside_it_and_offers_no_import()
    {
        var (_, _, code) = await CandidateData.MajorOfAsync(portal, "secretary1");
        var (a, b) = (CandidateData.Next(), CandidateData.Next());
        var client = await SignedInAsync("secretary1");

        var html = await CheckAsync(client, "考生编号,姓名,证件号码,手机号,专业代码\r\n" + Line(a, code) + Line(b, code, phone: "12345"));

        var rows = PreviewRows().Matches(html).Select(m => m.Value).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains(">2</th>", rows[0]);
        Assert.Contains(CandidateData.Exam(a), rows[0]);
        Assert.Contains(PersonalData.MaskIdNumber(CandidateData.Id(a)), rows[0]);
        Assert.Contains(PersonalData.MaskPhone(CandidateData.Phone(a)), rows[0]);
        Assert.Contains("无误", rows[0]);
        Assert.Contains(">3</th>", rows[1]);
        Assert.Contains("手机号必须是11位", rows[1]);
        Assert.DoesNotContain(CandidateData.Id(a), html); // the full numbers never reach the page
        Assert.DoesNotContain(CandidateData.Phone(a), html);
        Assert.DoesNotContain("handler=Confirm", html);
        Assert.Equal(0, await CountAsync(a, b));
    }

    [Fact]
    public async Task A_good_file_is_listed_then_imported_by_the_separate_button_and_only_once()
    {
        var (_, _, code) = await CandidateData.MajorOfAsync(portal, "secretary1");
        var (a, b) = (CandidateData.Next(), CandidateData.Next());
        var client = await SignedInAsync("secretary1");

        var html = await CheckAsync(client, "examNumber,name,idNumber,phone,majorCode\r\n" + Line(a, code) + Line(b, code));

        Assert.Equal(2, PreviewRows().Count(html));
        Assert.Contains(CandidateData.Exam(b), html);
        Assert.Contains("handler=Confirm", html);
        Assert.Equal(0, await CountAsync(a, b)); // the check wrote nothing

        var done = await ConfirmAsync(client);

        Assert.Contains("导入完成：新增 2 名", done);
        Assert.Equal(2, await CountAsync(a, b));
        var again = await ConfirmAsync(client);
        Assert.Contains("没有待确认的导入", again);
    }

    [Fact]
    public async Task A_second_check_replaces_the_first_so_the_button_imports_the_file_checked_last()
    {
        var (_, _, code) = await CandidateData.MajorOfAsync(portal, "secretary1");
        var (a, b) = (CandidateData.Next(), CandidateData.Next());
        var client = await SignedInAsync("secretary1");

        await CheckAsync(client, "examNumber,name,idNumber,phone,majorCode\r\n" + Line(a, code));
        await CheckAsync(client, "examNumber,name,idNumber,phone,majorCode\r\n" + Line(b, code));
        await ConfirmAsync(client);

        Assert.Equal(0, await CountAsync(a));
        Assert.Equal(1, await CountAsync(b));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex("<tr[^>]*>\\s*<th scope=\"row\">.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex PreviewRows();
}

public sealed class SqliteImportPageFlowTests(SqlitePortalFactory portal) : ImportPageFlowTests(portal), IClassFixture<SqlitePortalFactory>;

public sealed class PostgresImportPageFlowTests(PostgresPortalFactory portal) : ImportPageFlowTests(portal), IClassFixture<PostgresPortalFactory>;
