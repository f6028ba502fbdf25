using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using InterviewPortal.Data.Staff;
using InterviewPortal.IntegrationTests.CandidateAuth;
using InterviewPortal.IntegrationTests.Infrastructure;
using InterviewPortal.IntegrationTests.Verifications;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;

namespace InterviewPortal.IntegrationTests.Me;

/// <summary>Filing phone-change requests and checking the scans the inbox serves.</summary>
public static class PhoneChangeKit
{
    private static int next = Random.Shared.Next(0, 5_000_000);

    /// <summary>A mainland number no demo candidate has (the demo numbers use other prefixes, the desk tests 166; these start 167).</summary>
    public static string FreshPhone() => $"167{Interlocked.Increment(ref next) % 100_000_000:D8}";

    /// <summary>The n-th candidate (by id) of the secretary's college.</summary>
    public static Task<DemoCandidate> CandidateOfAsync(PortalFactory portal, string secretary, int n) => portal.WithDbAsync(async db =>
    {
        var college = await db.Users.Where(u => u.UserName == secretary).Select(u => ((StaffUser)u).CollegeId).SingleAsync();
        return await db.Candidates.Where(c => c.CollegeId == college).OrderBy(c => c.Id).Skip(n)
            .Select(c => new DemoCandidate(c.Id, c.ExamNumber, c.Name, c.Phone, c.CollegeId)).FirstAsync();
    });

    public static MultipartFormDataContent Form(string newPhone, string reason, byte[]? idCard, byte[]? ticket, bool pageNames = false)
    {
        string Name(string camel) => pageNames ? char.ToUpperInvariant(camel[0]) + camel[1..] : camel;
        var form = new MultipartFormDataContent { { new StringContent(newPhone), Name("newPhone") }, { new StringContent(reason), Name("reason") } };
        if (idCard is not null)
            form.Add(Scan(idCard), Name("idCard"), "id.jpg");
        if (ticket is not null)
            form.Add(Scan(ticket), Name("admissionTicket"), "ticket.jpg");
        return form;
    }

    /// <summary>Files a request with two good scans; returns its id.</summary>
    public static async Task<int> FileAsync(HttpClient candidate)
    {
        var response = await candidate.PostAsync("/api/v1/me/phone-change-requests", Form(FreshPhone(), "原号码已停用", TestPhotos.Jpeg(), TestPhotos.Png()));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    /// <summary>A served scan: a download that is never cached or sniffed, and a JPEG that decodes. Returns its bytes.</summary>
    public static async Task<byte[]> AssertScanAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/jpeg", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.True(response.Headers.CacheControl?.NoStore, "Cache-Control: no-store");
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        using var codec = SKCodec.Create(new SKMemoryStream(bytes));
        Assert.NotNull(codec);
        Assert.Equal(SKEncodedImageFormat.Jpeg, codec.EncodedFormat);
        return bytes;
    }

    private static ByteArrayContent Scan(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        return content;
    }
}
