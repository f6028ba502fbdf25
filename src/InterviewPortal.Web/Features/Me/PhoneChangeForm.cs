using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InterviewPortal.Web.Features.Me;

/// <summary>
/// Reads the API's multipart phone-change form by hand, bounded: a declared length over
/// <see cref="SupportingDocument.MaxRequestBytes"/> is a 413 before a byte is read, and a chunked body is cut
/// off at the same size while it streams in (the default limits would buffer up to 128 MB to disk first).
/// </summary>
public static class PhoneChangeForm
{
    public static async Task<(PhoneChangeInput? Input, ProblemHttpResult? Problem)> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        if (!request.HasFormContentType)
            return (null, TypedResults.Problem(statusCode: 415, title: "Unsupported media type.",
                detail: "Send multipart/form-data with newPhone, reason, idCard and admissionTicket."));
        if (request.ContentLength > SupportingDocument.MaxRequestBytes)
            return (null, TooLarge());
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } body)
            body.MaxRequestBodySize = SupportingDocument.MaxRequestBytes;
        request.HttpContext.Features.Set<IFormFeature>(new FormFeature(request, new FormOptions
        {
            MultipartBodyLengthLimit = SupportingDocument.MaxSectionBytes, // per section (per file), not the whole body
            MultipartBoundaryLengthLimit = 128,
        }));
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(ct);
        }
        catch (BadHttpRequestException e)
        {
            return (null, e.StatusCode == 413 ? TooLarge() : TypedResults.Problem(statusCode: 400, title: "The form could not be read."));
        }
        catch (InvalidDataException e) when (e.Message.Contains("length limit", StringComparison.OrdinalIgnoreCase))
        {
            return (null, TooLarge());
        }
        catch (InvalidDataException)
        {
            return (null, TypedResults.Problem(statusCode: 400, title: "The form could not be read."));
        }
        return (new PhoneChangeInput(Field(form, "newPhone"), Field(form, "reason"),
            UploadedFile.From(form.Files.GetFile("idCard")), UploadedFile.From(form.Files.GetFile("admissionTicket"))), null);
    }

    private static ProblemHttpResult TooLarge() => TypedResults.Problem(statusCode: 413, title: "A file is too large.",
        detail: $"Each scan is at most {SupportingDocument.MaxBytes / (1024 * 1024)} MB; the whole request at most {SupportingDocument.MaxRequestBytes / (1024 * 1024)} MB.");

    private static string? Field(IFormCollection form, string name) =>
        form.TryGetValue(name, out var value) ? value.ToString() : null;
}
