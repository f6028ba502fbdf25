using InterviewPortal.Web.Infrastructure.Files;
using InterviewPortal.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InterviewPortal.Web.Features.Me;

/// <summary>
/// Reads the API's multipart phone-change form (<see cref="MultipartUpload"/>), bounded by
/// <see cref="SupportingDocument.MaxRequestBytes"/> in all and <see cref="SupportingDocument.MaxSectionBytes"/> per file.
/// </summary>
public static class PhoneChangeForm
{
    public static async Task<(PhoneChangeInput? Input, ProblemHttpResult? Problem)> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        var (form, refusal, _) = await MultipartUpload.ReadAsync(request, SupportingDocument.MaxRequestBytes, ct, SupportingDocument.MaxSectionBytes);
        if (refusal is not null)
            return (null, refusal switch
            {
                UploadRefusal.TooLarge => TooLarge(),
                UploadRefusal.NotMultipart => TypedResults.Problem(statusCode: 415, title: Texts.Get("Me.UnsupportedMediaType"),
                    detail: Texts.Get("Me.SendMultipartFormDataWithNewPhone")),
                _ => TypedResults.Problem(statusCode: 400, title: Texts.Get("Me.TheFormCouldNotBeRead")),
            });
        return (new PhoneChangeInput(Field(form!, "newPhone"), Field(form!, "reason"),
            UploadedFile.From(form!.Files.GetFile("idCard")), UploadedFile.From(form!.Files.GetFile("admissionTicket"))), null);
    }

    private static ProblemHttpResult TooLarge() => TypedResults.Problem(statusCode: 413, title: Texts.Get("Me.AFileIsTooLarge"),
        detail: Texts.Get("Me.EachScanIsAtMostMB", SupportingDocument.MaxBytes / (1024 * 1024), SupportingDocument.MaxRequestBytes / (1024 * 1024)));

    private static string? Field(IFormCollection form, string name) =>
        form.TryGetValue(name, out var value) ? value.ToString() : null;
}
