namespace InterviewPortal.Web.Features.Me;

/// <summary>What an uploaded ID-card or admission-ticket scan really is, judged by its first bytes, never by its name or header.</summary>
public static class SupportingDocument
{
    public const long MaxBytes = 8 * 1024 * 1024;

    public static string? Sniff(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF)
            return "image/jpeg";
        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
            return "image/png";
        if (head.StartsWith("%PDF-"u8))
            return "application/pdf";
        return null;
    }
}

/// <summary>One uploaded file as the handler needs it; the page and the API both read their IFormFile into this.</summary>
public sealed record UploadedFile(string FileName, long Length, Func<Stream> Open)
{
    public static UploadedFile? From(IFormFile? file) =>
        file is null ? null : new UploadedFile(file.FileName, file.Length, file.OpenReadStream);
}
