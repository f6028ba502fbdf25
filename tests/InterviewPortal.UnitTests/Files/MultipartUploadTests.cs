using System.Text;
using InterviewPortal.Web.Infrastructure.Files;
using Microsoft.AspNetCore.Http;

namespace InterviewPortal.UnitTests.Files;

/// <summary>The one multipart reader behind the import, the ID photo and the phone change.</summary>
public class MultipartUploadTests
{
    private const string Boundary = "----portal-test";

    [Fact]
    public async Task A_small_multipart_body_is_read_with_its_fields_and_files()
    {
        var (form, refusal, _) = await MultipartUpload.ReadAsync(Request(Body(("note", null, "hello"), ("photo", "id.jpg", "JPEGDATA"))), 1024, CancellationToken.None);
        Assert.Null(refusal);
        Assert.Equal("hello", form!["note"].ToString());
        Assert.Equal(8, form.Files.GetFile("photo")!.Length);
    }

    [Fact]
    public async Task A_declared_length_over_the_limit_is_refused_before_reading()
    {
        var request = Request(Body(("photo", "id.jpg", "JPEGDATA")));
        request.ContentLength = 2048;
        var (form, refusal, _) = await MultipartUpload.ReadAsync(request, 1024, CancellationToken.None);
        Assert.Equal((null, UploadRefusal.TooLarge), (form, refusal));
        Assert.Equal(0, request.Body.Position);
    }

    [Fact]
    public async Task A_file_over_the_section_limit_is_too_large()
    {
        var request = Request(Body(("photo", "id.jpg", new string('x', 600))));
        var (_, refusal, _) = await MultipartUpload.ReadAsync(request, 4096, CancellationToken.None, maxSectionBytes: 500);
        Assert.Equal(UploadRefusal.TooLarge, refusal);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData(null)]
    public async Task Anything_but_multipart_form_data_is_refused(string? contentType)
    {
        var request = Request("a=b");
        request.ContentType = contentType;
        Assert.Equal(UploadRefusal.NotMultipart, (await MultipartUpload.ReadAsync(request, 1024, CancellationToken.None)).Refusal);
    }

    [Fact]
    public async Task A_body_that_is_not_valid_multipart_is_unreadable()
    {
        var (_, refusal, reason) = await MultipartUpload.ReadAsync(Request("no boundary here at all"), 1024, CancellationToken.None);
        Assert.Equal(UploadRefusal.Unreadable, refusal);
        Assert.False(string.IsNullOrEmpty(reason));
    }

    private static string Body(params (string Name, string? FileName, string Content)[] parts)
    {
        var body = new StringBuilder();
        foreach (var (name, fileName, content) in parts)
        {
            body.Append("--").Append(Boundary).Append("\r\n");
            body.Append("Content-Disposition: form-data; name=\"").Append(name).Append('"');
            if (fileName is not null)
                body.Append("; filename=\"").Append(fileName).Append("\"\r\nContent-Type: application/octet-stream");
            body.Append("\r\n\r\n").Append(content).Append("\r\n");
        }
        return body.Append("--").Append(Boundary).Append("--\r\n").ToString();
    }

    private static HttpRequest Request(string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.ContentType = $"multipart/form-data; boundary={Boundary}";
        context.Request.ContentLength = bytes.Length;
        context.Request.Body = new MemoryStream(bytes);
        return context.Request;
    }
}
