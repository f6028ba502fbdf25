using InterviewPortal.Web.Features.Shared;
using InterviewPortal.Web.Infrastructure.Localization;
using Microsoft.Extensions.Options;

namespace InterviewPortal.Web.Features.Import;

public sealed class ImportOptions
{
    /// <summary>The largest candidate file accepted ("Import:MaxFileBytes"); 10 MB holds well over 50,000 rows.</summary>
    public long MaxFileBytes { get; set; } = 10 * 1024 * 1024;
}

/// <summary>
/// An uploaded file through the reader and the handler: the one path the API and the import page share. A file that
/// was read succeeds with the import's result, whose row errors reject it as a whole; a file that cannot be read is refused.
/// </summary>
public sealed class CandidateImport(ImportCandidatesHandler handler, IOptions<ImportOptions> options)
{
    public long MaxFileBytes => options.Value.MaxFileBytes;

    public async Task<Outcome<ImportResult>> RunAsync(IFormFile? file, bool dryRun, CancellationToken ct)
    {
        if (file is null)
            return Outcome.Unreadable(Texts.Get("Import.ChooseAFileToImportForm"));
        if (file.Length > MaxFileBytes)
            return TooLarge();
        byte[] content;
        await using (var stream = file.OpenReadStream())
        {
            using var buffer = new MemoryStream((int)file.Length);
            await stream.CopyToAsync(buffer, ct);
            content = buffer.ToArray();
        }
        return await RunAsync(content, dryRun, ct);
    }

    public async Task<Outcome<ImportResult>> RunAsync(byte[] content, bool dryRun, CancellationToken ct)
    {
        if (content.Length > MaxFileBytes)
            return TooLarge();
        ImportTable table;
        try
        {
            table = CandidateFileReader.Read(content);
        }
        catch (ImportFileException e)
        {
            // The reader's guards name the status deep in the parser; here it becomes the refusal, once.
            return e.Status switch
            {
                StatusCodes.Status413PayloadTooLarge => Outcome.TooLarge(e.Message),
                StatusCodes.Status415UnsupportedMediaType => Outcome.UnsupportedMediaType(e.Message),
                _ => Outcome.Unreadable(e.Message),
            };
        }
        return Outcome.Success(await handler.HandleAsync(table, dryRun, ct));
    }

    private Refusal TooLarge() => Outcome.TooLarge(
        Texts.Get("Import.TheFileIsLargerThanThe", MaxFileBytes / 1024 / 1024));
}
