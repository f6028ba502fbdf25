using InterviewPortal.Web.Infrastructure.Files;
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
                UploadRefusal.NotMultipart => TypedResults.Problem(statusCode: 415, title: "Unsupported media type.",
                    detail: "Send multipart/form-data with newPhone, reason, idCard and admissionTicket."),
                _ => TypedResults.Problem(statusCode: 400, title: "The form could not be read."),
            });
        return (new PhoneChangeInput(Field(form!, "newPhone"), Field(form!, "reason"),
            UploadedFile.From(form!.Files.GetFile("idCard")), UploadedFile.From(form!.Files.GetFile("admissionTicket"))), null);
    }

    private static ProblemHttpResult TooLarge() => TypedResults.Problem(statusCode: 413, title: "A file is too large.",
        detail: $"Each scan is at most {SupportingDocument.MaxBytes / (1024 * 1024)} MB; the whole request at most {SupportingDocument.MaxRequestBytes / (1024 * 1024)} MB.");

    private static string? Field(IFormCollection form, string name) =>
        form.TryGetValue(name, out var value) ? value.ToString() : null;
}
