using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using InterviewPortal.IntegrationTests.Infrastructure;
using InterviewPortal.Web.Features.Candidates;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.IntegrationTests.Candidates;

/// <summary>Fresh, valid candidate numbers that no demo candidate has (exam numbers 2099…, phones 166…, region 370102).</summary>
public static class CandidateData
{
    private static int sequence = Random.Shared.Next(0, 100_000) * 10;

    public static int Next() => Interlocked.Increment(ref sequence);

    public static string Exam(int n) => $"209990000{n % 1_000_000:D6}";
    public static string Phone(int n) => $"166{n % 100_000_000:D8}";

    public static string Id(int n, DateOnly? birth = null)
    {
        var body = $"370102{birth ?? new DateOnly(1999, 1, 1).AddDays(n % 3000):yyyyMMdd}{n % 1000:D3}";
        return body + CandidateRules.CheckDigit(body);
    }

    public static object Candidate(int n, int majorId, string name = "测试考生") =>
        new { examNumber = Exam(n), name, idNumber = Id(n), phone = Phone(n), majorId };

    public static Task<(int College, int Major, string MajorCode)> MajorOfAsync(PortalFactory portal, string secretary) => portal.WithDbAsync(async db =>
    {
        var college = await db.Users.Where(u => u.UserName == secretary).Select(u => u.CollegeId!.Value).FirstAsync();
        var major = await db.Majors.Where(m => m.CollegeId == college).OrderBy(m => m.Code).FirstAsync();
        return (college, major.Id, major.Code);
    });

    public static async Task<int> CreateAsync(HttpClient client, int n, int majorId)
    {
        var response = await client.PostAsJsonAsync("/api/v1/candidates", Candidate(n, majorId));
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    public static async Task<HttpResponseMessage> ImportAsync(HttpClient client, byte[] content, string fileName, bool dryRun = false)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        return await client.PostAsync($"/api/v1/candidates/import?dryRun={(dryRun ? "true" : "false")}", form);
    }

    public static byte[] Csv(string text, Encoding encoding, bool bom = false) =>
        bom ? [.. encoding.GetPreamble(), .. encoding.GetBytes(text)] : encoding.GetBytes(text);

    public static async Task<List<(int Row, string Column, string Message)>> ErrorsAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("column").GetString()!, e.GetProperty("message").GetString()!)).ToList();
    }
}
