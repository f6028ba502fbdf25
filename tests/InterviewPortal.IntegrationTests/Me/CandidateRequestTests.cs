using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using InterviewPortal.IntegrationTests.CandidateAuth;
using InterviewPortal.IntegrationTests.ExamDay;
using InterviewPortal.IntegrationTests.Infrastructure;
using InterviewPortal.IntegrationTests.Verifications;
using InterviewPortal.Web.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace InterviewPortal.IntegrationTests.Me;

/// <summary>Assignment reports and phone-change requests land in the candidate's own college, for its secretary.</summary>
public partial class CandidateRequestTests(SqlitePortalFactory portal) : IClassFixture<SqlitePortalFactory>
{
    private static readonly byte[] Jpeg = TestPhotos.Jpeg();
    private static readonly byte[] Png = TestPhotos.Png();
    private static readonly byte[] Pdf = "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF"u8.ToArray();

    [Fact]
    public async Task An_assignment_report_is_201_and_reaches_the_candidates_college()
    {
        var candidate = await portal.CandidateAsync(10);
        var client = await portal.ClientForCandidateAsync(candidate);

        var response = await client.PostAsJsonAsync("/api/v1/me/assignment-reports", new { message = "我报考的是085400电子信息，不是081200" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = body.GetProperty("id").GetInt32();
        var row = await portal.WithDbAsync(db => db.AssignmentReports.SingleAsync(r => r.Id == id));
        Assert.Equal(candidate.Id, row.CandidateId);
        Assert.Equal(candidate.CollegeId, row.CollegeId);
        Assert.Equal("Open", body.GetProperty("status").GetString());
        Assert.True(await portal.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "assignment-report.created" && a.EntityId == id.ToString())));
    }

    [Fact]
    public async Task An_empty_or_overlong_report_is_a_400_naming_the_message()
    {
        var client = await portal.ClientForCandidateAsync(await portal.CandidateAsync(11));
        foreach (var message in new[] { "", new string('长', 1001) })
        {
            var response = await client.PostAsJsonAsync("/api/v1/me/assignment-reports", new { message });
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(problem.GetProperty("errors").TryGetProperty("message", out _));
        }
    }

    [Fact]
    public async Task The_report_page_creates_the_report_and_lists_it_and_My_interview_links_to_it_with_the_count()
    {
        var candidate = await portal.CandidateAsync(12);
        var (client, _) = await portal.PageClientForCandidateAsync(candidate);
        var before = await client.GetStringAsync("/Me");
        Assert.Contains("href=\"/Me/Report\"", before, StringComparison.Ordinal);
        Assert.DoesNotContain("条报告", before, StringComparison.Ordinal);

        var empty = await client.PostFormAsync("/Me/Report", new Dictionary<string, string> { ["Message"] = "" });
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("请说明哪里不对", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await portal.WithDbAsync(db => db.AssignmentReports.CountAsync(r => r.CandidateId == candidate.Id)));

        var sent = await client.PostFormAsync("/Me/Report", new Dictionary<string, string> { ["Message"] = "专业代码不对" });
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        var listed = await sent.Content.ReadAsStringAsync();
        Assert.Contains("专业代码不对", listed, StringComparison.Ordinal);
        Assert.Contains("已提交给学院秘书", listed, StringComparison.Ordinal);
        Assert.Equal(candidate.CollegeId, await portal.WithDbAsync(db => db.AssignmentReports.Where(r => r.CandidateId == candidate.Id).Select(r => r.CollegeId).SingleAsync()));
        Assert.Contains("已提交 1 条报告", await client.GetStringAsync("/Me"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_phone_change_request_is_201_with_both_scans_re_encoded_and_encrypted_and_reaches_the_candidates_college()
    {
        var candidate = await portal.CandidateAsync(13);
        var client = await portal.ClientForCandidateAsync(candidate);
        var withExif = TestPhotos.JpegWithExifAndGps();

        var response = await client.PostAsync("/api/v1/me/phone-change-requests", PhoneChange("13912345678", "原号码已停用", withExif, Png));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var row = await portal.WithDbAsync(db => db.PhoneChangeRequests.SingleAsync(r => r.Id == id));
        Assert.Equal(candidate.CollegeId, row.CollegeId);
        Assert.Equal("13912345678", row.NewPhone);
        var store = portal.Services.GetRequiredService<ProtectedFileStore>();
        // Only the re-encoded JPEG is kept (the PNG too becomes a JPEG), and nothing of the original's metadata.
        foreach (var key in new[] { row.IdCardImageKey!, row.AdmissionTicketImageKey! })
        {
            var stored = (await store.ReadAsync(key, CancellationToken.None))!;
            using (var codec = SKCodec.Create(new SKMemoryStream(stored)))
                Assert.Equal(SKEncodedImageFormat.Jpeg, codec.EncodedFormat);
            Assert.False(TestPhotos.Contains(stored, "Exif") || TestPhotos.Contains(stored, TestPhotos.SecretMarker));
            var onDisk = await File.ReadAllBytesAsync(store.PathOf(key));
            Assert.False(onDisk.AsSpan().IndexOf(stored.AsSpan(0, 64)) >= 0, "the plain JPEG is on disk");
        }
    }

    [Fact]
    public async Task Phone_change_errors_name_each_field_with_400_413_or_415()
    {
        var client = await portal.ClientForCandidateAsync(await portal.CandidateAsync(14));

        var missing = await client.PostAsync("/api/v1/me/phone-change-requests", PhoneChange("123", "", null, null));
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        var errors = (await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var field in new[] { "newPhone", "reason", "idCard", "admissionTicket" })
            Assert.True(errors.TryGetProperty(field, out _), field);

        var renamedText = await client.PostAsync("/api/v1/me/phone-change-requests", PhoneChange("13912345678", "换号", "just text"u8.ToArray(), Jpeg, idCardName: "id.jpg"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, renamedText.StatusCode);
        Assert.True((await renamedText.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("idCard", out _));

        // A PDF cannot be re-encoded like a photo: only JPEG and PNG scans are taken.
        var pdf = await client.PostAsync("/api/v1/me/phone-change-requests", PhoneChange("13912345678", "换号", Jpeg, Pdf));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, pdf.StatusCode);
        Assert.True((await pdf.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("admissionTicket", out _));

        var huge = new byte[8 * 1024 * 1024 + 1];
        Jpeg.CopyTo(huge, 0);
        var tooLarge = await client.PostAsync("/api/v1/me/phone-change-requests", PhoneChange("13912345678", "换号", Jpeg, huge));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.True((await tooLarge.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("admissionTicket", out _));
    }

    [Fact]
    public async Task Phone_change_files_over_the_limit_are_413_on_the_api_and_named_on_the_page_and_nothing_is_filed()
    {
        var candidate = await portal.CandidateAsync(16);
        var client = await portal.ClientForCandidateAsync(candidate);
        var files = portal.StoredFileCount();
        var big = new byte[9 * 1024 * 1024];
        Jpeg.CopyTo(big, 0);

        // Declared too long: refused before the body is read. One file far over 8 MB: cut off while it streams in.
        foreach (var (idCard, ticket) in new[] { (big, big), (Jpeg, big) })
        {
            var api = await client.PostAsync("/api/v1/me/phone-change-requests", PhoneChange("13912345678", "换号", idCard, ticket));
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, api.StatusCode);
            Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        }

        var (pageClient, _) = await portal.PageClientForCandidateAsync(candidate);
        var page = await PostPageAsync(pageClient, PhoneChange("13912345678", "换号", Jpeg, big, prefix: true));
        Assert.Matches("data-valmsg-for=\"AdmissionTicket\"[^>]*>[^<]*8 MB", await page.Content.ReadAsStringAsync());

        Assert.Equal(files, portal.StoredFileCount());
        Assert.Equal(0, await portal.WithDbAsync(db => db.PhoneChangeRequests.CountAsync(r => r.CandidateId == candidate.Id)));
    }

    [Fact]
    public async Task The_phone_change_page_shows_errors_next_to_the_fields_and_files_the_request()
    {
        var candidate = await portal.CandidateAsync(15);
        var (client, _) = await portal.PageClientForCandidateAsync(candidate);

        var bad = await PostPageAsync(client, PhoneChange("12", "理由", null, Png, prefix: true));
        var html = await bad.Content.ReadAsStringAsync();
        Assert.Matches("data-valmsg-for=\"NewPhone\"[^>]*>[^<]*11 位", html);
        Assert.Matches("data-valmsg-for=\"IdCard\"[^>]*>[^<]*请选择文件", html);

        var good = await PostPageAsync(client, PhoneChange("13712345678", "手机丢失", Jpeg, Png, prefix: true));
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.Contains("13712345678", await good.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(candidate.CollegeId, await portal.WithDbAsync(db => db.PhoneChangeRequests.Where(r => r.CandidateId == candidate.Id).Select(r => r.CollegeId).SingleAsync()));

        // While it is open, a second request is refused with the reason next to the number field, and nothing is filed.
        var second = await PostPageAsync(client, PhoneChange("13712345679", "又换了", Jpeg, Png, prefix: true));
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Matches("data-valmsg-for=\"NewPhone\"[^>]*>[^<]*待处理的更换手机号申请", await second.Content.ReadAsStringAsync());
        Assert.Equal(1, await portal.WithDbAsync(db => db.PhoneChangeRequests.CountAsync(r => r.CandidateId == candidate.Id)));
    }

    private static MultipartFormDataContent PhoneChange(string newPhone, string reason, byte[]? idCard, byte[]? ticket, bool prefix = false, string idCardName = "id.jpg")
    {
        string Name(string camel) => prefix ? char.ToUpperInvariant(camel[0]) + camel[1..] : camel;
        var form = new MultipartFormDataContent { { new StringContent(newPhone), Name("newPhone") }, { new StringContent(reason), Name("reason") } };
        if (idCard is not null)
            form.Add(Scan(idCard, "image/jpeg"), Name("idCard"), idCardName);
        if (ticket is not null)
            form.Add(Scan(ticket, "image/png"), Name("admissionTicket"), "ticket.png");
        return form;
    }

    private static ByteArrayContent Scan(byte[] bytes, string type)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(type);
        return content;
    }

    private static async Task<HttpResponseMessage> PostPageAsync(HttpClient client, MultipartFormDataContent form)
    {
        var page = await client.GetStringAsync("/Me/PhoneChange");
        var token = Token().Match(page).Groups[1].Value;
        form.Add(new StringContent(System.Net.WebUtility.HtmlDecode(token)), "__RequestVerificationToken");
        return await client.PostAsync("/Me/PhoneChange", form);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
