using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using InterviewPortal.IntegrationTests.Candidates;
using InterviewPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.IntegrationTests.Privacy;

/// <summary>
/// A clash with another college's candidate says only that the number cannot be used (same words in the form, the API
/// and the import); a clash inside the caller's own college still says another candidate has it. Statuses as api.md.
/// </summary>
public abstract class ClashMessageTests(PortalFactory portal)
{
    private const string UnusableId = "此证件号码无法使用，请联系研究生院";
    private const string UnusablePhone = "此手机号无法使用，请联系研究生院";

    /// <summary>A demo candidate of the computer science college (secretary1's), whom secretary2 cannot see.</summary>
    private Task<(string IdNumber, string Phone)> ComputerScienceCandidateAsync() => portal.WithDbAsync(async db =>
    {
        var c = await db.Candidates.Where(c => c.College.Code == "CS").OrderBy(c => c.Id).FirstAsync();
        return (c.IdNumber, c.Phone);
    });

    /// <summary>A staff client asking the API in no language: the API answers in zh-CN, the words this test reads.</summary>
    private async Task<HttpClient> ChineseApiClientAsync(string userName)
    {
        var client = await portal.ClientForStaffAsync(userName);
        client.DefaultRequestHeaders.AcceptLanguage.Clear();
        return client;
    }

    private static async Task<(string Field, string Message, string Body)> ClashAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        var errors = JsonDocument.Parse(body).RootElement.GetProperty("errors").EnumerateObject().Single();
        return (errors.Name, errors.Value[0].GetString()!, body);
    }

    [Fact]
    public async Task Another_colleges_id_or_phone_is_a_neutral_409_and_the_own_colleges_is_named()
    {
        var other = await ComputerScienceCandidateAsync();
        var (_, emMajor, _) = await CandidateData.MajorOfAsync(portal, "secretary2");
        var (_, csMajor, _) = await CandidateData.MajorOfAsync(portal, "secretary1");
        var secretary2 = await ChineseApiClientAsync("secretary2");
        var n = CandidateData.Next();

        var byId = await ClashAsync(await secretary2.PostAsJsonAsync("/api/v1/candidates",
            new { examNumber = CandidateData.Exam(n), name = "冲突考生", idNumber = other.IdNumber, phone = CandidateData.Phone(n), majorId = emMajor }));
        var byPhone = await ClashAsync(await secretary2.PostAsJsonAsync("/api/v1/candidates",
            new { examNumber = CandidateData.Exam(n), name = "冲突考生", idNumber = CandidateData.Id(n), phone = other.Phone, majorId = emMajor }));
        Assert.Equal(("idNumber", UnusableId), (byId.Field, byId.Message));
        Assert.Equal(("phone", UnusablePhone), (byPhone.Field, byPhone.Message));
        foreach (var body in new[] { byId.Body, byPhone.Body })
            Assert.DoesNotContain("其他考生", body, StringComparison.Ordinal);

        // Editing one's own candidate onto the other college's number: the same neutral answer.
        var own = await CandidateData.CreateAsync(secretary2, n, emMajor);
        var edit = await ClashAsync(await secretary2.PutAsJsonAsync($"/api/v1/candidates/{own}",
            new { examNumber = CandidateData.Exam(n), name = "冲突考生", idNumber = other.IdNumber, phone = CandidateData.Phone(n), majorId = emMajor }));
        Assert.Equal(("idNumber", UnusableId), (edit.Field, edit.Message));

        // Inside secretary1's own college (and for the admin, who sees every college) the clash is named as before.
        var secretary1 = await ChineseApiClientAsync("secretary1");
        var m = CandidateData.Next();
        var ownCollege = await ClashAsync(await secretary1.PostAsJsonAsync("/api/v1/candidates",
            new { examNumber = CandidateData.Exam(m), name = "冲突考生", idNumber = other.IdNumber, phone = CandidateData.Phone(m), majorId = csMajor }));
        Assert.Equal(("idNumber", "证件号码已被其他考生使用"), (ownCollege.Field, ownCollege.Message));
        var admin = await ChineseApiClientAsync("admin");
        var byAdmin = await ClashAsync(await admin.PostAsJsonAsync("/api/v1/candidates",
            new { examNumber = CandidateData.Exam(m), name = "冲突考生", idNumber = CandidateData.Id(m), phone = other.Phone, majorId = emMajor }));
        Assert.Equal(("phone", "手机号已被其他考生使用"), (byAdmin.Field, byAdmin.Message));
    }

    [Fact]
    public async Task The_candidate_form_shows_the_neutral_message_next_to_the_field()
    {
        var other = await ComputerScienceCandidateAsync();
        var (_, emMajor, _) = await CandidateData.MajorOfAsync(portal, "secretary2");
        var browser = portal.CreateClient();
        await browser.SignInStaffAsync("secretary2");
        var n = CandidateData.Next();

        var response = await browser.PostFormAsync("/Candidates/Create", new Dictionary<string, string>
        {
            ["Input.ExamNumber"] = CandidateData.Exam(n), ["Input.Name"] = "页面冲突", ["Input.IdNumber"] = CandidateData.Id(n),
            ["Input.Phone"] = other.Phone, ["Input.MajorId"] = emMajor.ToString(),
        });

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(WebUtility.HtmlEncode(UnusablePhone), html, StringComparison.Ordinal);
        Assert.DoesNotContain(WebUtility.HtmlEncode("其他考生"), html, StringComparison.Ordinal);
        Assert.False(await portal.WithDbAsync(db => db.Candidates.AnyAsync(c => c.ExamNumber == CandidateData.Exam(n))));
    }

    [Fact]
    public async Task An_import_row_with_another_colleges_id_or_phone_is_a_neutral_422_and_an_own_colleges_is_named()
    {
        var other = await ComputerScienceCandidateAsync();
        var (_, _, emCode) = await CandidateData.MajorOfAsync(portal, "secretary2");
        var (_, _, csCode) = await CandidateData.MajorOfAsync(portal, "secretary1");
        var (a, b) = (CandidateData.Next(), CandidateData.Next());
        string Csv(string code) => "examNumber,name,idNumber,phone,majorCode\r\n"
            + $"{CandidateData.Exam(a)},导入甲,{other.IdNumber},{CandidateData.Phone(a)},{code}\r\n"
            + $"{CandidateData.Exam(b)},导入乙,{CandidateData.Id(b)},{other.Phone},{code}\r\n";

        var foreign = await CandidateData.ImportAsync(await ChineseApiClientAsync("secretary2"), Encoding.UTF8.GetBytes(Csv(emCode)), "c.csv");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, foreign.StatusCode);
        Assert.Equal([(2, "idNumber", UnusableId), (3, "phone", UnusablePhone)], await CandidateData.ErrorsAsync(foreign));

        var own = await CandidateData.ImportAsync(await ChineseApiClientAsync("secretary1"), Encoding.UTF8.GetBytes(Csv(csCode)), "c.csv");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, own.StatusCode);
        Assert.Equal([(2, "idNumber", "证件号码已属于另一名考生"), (3, "phone", "手机号已属于另一名考生")], await CandidateData.ErrorsAsync(own));
        Assert.False(await portal.WithDbAsync(db => db.Candidates.AnyAsync(c => c.ExamNumber == CandidateData.Exam(a) || c.ExamNumber == CandidateData.Exam(b))));
    }
}

public sealed class SqliteClashMessageTests(SqlitePortalFactory portal) : ClashMessageTests(portal), IClassFixture<SqlitePortalFactory>;

public sealed class PostgresClashMessageTests(PostgresPortalFactory portal) : ClashMessageTests(portal), IClassFixture<PostgresPortalFactory>;
