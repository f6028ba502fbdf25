using InterviewPortal.Web.Features.Verifications;

namespace InterviewPortal.Web.Features.Me;

/// <summary>The two scans a phone-change request carries.</summary>
public enum SupportingDocumentKind
{
    IdCard,
    AdmissionTicket,
}

/// <summary>
/// The ID-card and admission-ticket scans of a phone-change request. They go through the same
/// <see cref="PhotoSanitizer"/> as ID photos (JPEG or PNG judged by decoding, pixel cap before decoding,
/// re-encoded so no EXIF or other chunk survives): the secretary opens them, so only a fresh JPEG is stored.
/// </summary>
public static class SupportingDocument
{
    public const long MaxBytes = PhotoSanitizer.MaxBytes;

    /// <summary>Two scans, the text fields and the multipart envelope; a bigger body is refused before it is read.</summary>
    public const long MaxRequestBytes = 2 * MaxBytes + 256 * 1024;

    /// <summary>
    /// The most one multipart section (one file) may hold while the form is read: a little over <see cref="MaxBytes"/>,
    /// so a file just over the limit still reaches the handler (which names the field) and a far bigger one is cut off.
    /// </summary>
    public const long MaxSectionBytes = MaxBytes + 64 * 1024;

    /// <summary>The names the API and the page use for the two scans (the form field names).</summary>
    public static string Name(SupportingDocumentKind kind) => kind == SupportingDocumentKind.IdCard ? "idCard" : "admissionTicket";

    public static bool TryParse(string? name, out SupportingDocumentKind kind)
    {
        kind = SupportingDocumentKind.IdCard;
        if (string.Equals(name, "idCard", StringComparison.OrdinalIgnoreCase))
            return true;
        kind = SupportingDocumentKind.AdmissionTicket;
        return string.Equals(name, "admissionTicket", StringComparison.OrdinalIgnoreCase);
    }
}

/// <summary>One uploaded file as the handler needs it; the page and the API both read their IFormFile into this.</summary>
public sealed record UploadedFile(string FileName, long Length, Func<Stream> Open)
{
    public static UploadedFile? From(IFormFile? file) =>
        file is null ? null : new UploadedFile(file.FileName, file.Length, file.OpenReadStream);
}
