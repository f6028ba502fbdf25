using InterviewPortal.Web.Infrastructure.Validation;
using Microsoft.AspNetCore.Http.Features;

namespace InterviewPortal.Web.Infrastructure.Files;

/// <summary>Why an upload was refused before its content was looked at; each endpoint words its own problem.</summary>
public enum UploadRefusal
{
    TooLarge,
    NotMultipart,
    Unreadable,
}

/// <summary>
/// Reads a multipart/form-data upload by hand, bounded: a declared length over the limit is refused before a byte is
/// read, and a chunked body is cut off at the same size while it streams in (the default limits would buffer up to
/// 128 MB to disk first). Endpoints read the form themselves rather than bind it: form parameters add accepts
/// metadata, and routing then answers a non-form request 415 before authorization runs (anonymous must get 401).
/// </summary>
public static class MultipartUpload
{
    /// <param name="maxRequestBytes">The whole body, the multipart envelope included.</param>
    /// <param name="maxSectionBytes">One section (one file) at most; the whole body when not given.</param>
    public static async Task<(IFormCollection? Form, UploadRefusal? Refusal, string? Reason)> ReadAsync(
        HttpRequest request, long maxRequestBytes, CancellationToken ct, long? maxSectionBytes = null)
    {
        if (request.ContentLength > maxRequestBytes)
            return (null, UploadRefusal.TooLarge, null);
        if (!request.HasFormContentType || !request.ContentType!.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase))
            return (null, UploadRefusal.NotMultipart, null);
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } body)
            body.MaxRequestBodySize = maxRequestBytes;
        // A form the antiforgery check already read (token in a form field) stays: its body cannot be read twice.
        if (request.HttpContext.Features.Get<IFormFeature>() is not { Form: not null })
            request.HttpContext.Features.Set<IFormFeature>(new FormFeature(request, new FormOptions
            {
                MultipartBodyLengthLimit = maxSectionBytes ?? maxRequestBytes, // per section, not the whole body
                MultipartBoundaryLengthLimit = 128,
            }));
        try
        {
            var form = await request.ReadFormAsync(ct);
            return NulCharacterCheck.HasNul(form) ? (null, UploadRefusal.Unreadable, NulCharacterCheck.Detail) : (form, null, null);
        }
        catch (BadHttpRequestException e)
        {
            return (null, e.StatusCode == StatusCodes.Status413PayloadTooLarge ? UploadRefusal.TooLarge : UploadRefusal.Unreadable, e.Message);
        }
        catch (InvalidDataException e) when (e.Message.Contains("length limit", StringComparison.OrdinalIgnoreCase))
        {
            return (null, UploadRefusal.TooLarge, e.Message);
        }
        catch (InvalidDataException e)
        {
            return (null, UploadRefusal.Unreadable, e.Message);
        }
        catch (IOException e) // a body that ends before its closing boundary ("Unexpected end of Stream")
        {
            return (null, UploadRefusal.Unreadable, e.Message);
        }
    }
}
