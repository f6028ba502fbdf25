using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using InterviewPortal.IntegrationTests.Candidates;
using InterviewPortal.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.IntegrationTests.Import;

/// <summary>A checked file waits for its commit button for 30 minutes, no longer: an abandoned check imports nothing later.</summary>
public partial class ImportPendingLifetimeTests(SqliteAddressedPortalFactory portal) : IClassFixture<SqliteAddressedPortalFactory>
{
    [Fact]
    public async Task A_check_older_than_thirty_minutes_is_not_imported_by_the_button()
    {
        var (_, _, code) = await CandidateData.MajorOfAsync(portal, "secretary1");
        var n = CandidateData.Next();
        var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInStaffAsync("secretary1")).StatusCode);
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(WebUtility.HtmlDecode(Token().Match(await client.GetStringAsync("/Candidates/Import")).Groups[1].Value)), "__RequestVerificationToken");
        var csv = $"examNumber,name,idNumber,phone,majorCode\r\n{CandidateData.Exam(n)},过期考生,{CandidateData.Id(n)},{CandidateData.Phone(n)},{code}\r\n";
        form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "upload", "late.csv");
        Assert.Contains("handler=Confirm", await (await client.PostAsync("/Candidates/Import?handler=Preview", form)).Content.ReadAsStringAsync());

        portal.Clock.Advance(TimeSpan.FromMinutes(31));
        var late = await client.PostFormAsync("/Candidates/Import?handler=Confirm", new Dictionary<string, string>(), formPage: "/Candidates/Import");

        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        Assert.Contains("没有待确认的导入", await late.Content.ReadAsStringAsync());
        Assert.Equal(0, await portal.WithDbAsync(db => db.Candidates.CountAsync(c => c.ExamNumber == CandidateData.Exam(n))));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
