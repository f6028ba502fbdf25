using InterviewPortal.Web.Infrastructure.Localization;
using Microsoft.Extensions.Options;

namespace InterviewPortal.Web.Features.Import;

public sealed class ImportOptions
{
    /// <summary>The largest candidate file accepted ("Import:MaxFileBytes"); 10 MB holds well over 50,000 rows.</summary>
    public long MaxFileBytes { get; set; } = 10 * 1024 * 1024;
}

/// <summary>The outcome of an uploaded import: the result (200 or 422), or a file-level problem (400, 413, 415).</summary>
public sealed record ImportOutcome(int Status, ImportResult? Result, string? Problem = null);

/// <summary>An uploaded file through the reader and the handler: the one path the API and the import page share.</summary>
public sealed class CandidateImport(ImportCandidatesHandler handler, IOptions<ImportOptions> options)
{
    public long MaxFileBytes => options.Value.MaxFileBytes;

    public async Task<ImportOutcome> RunAsync(IFormFile? file, bool dryRun, CancellationToken ct)
    {
        if (file is null)
            return new ImportOutcome(400, null, Lang.T("请选择要导入的文件（表单字段 file）。", "Choose a file to import (form field \"file\")."));
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

    public async Task<ImportOutcome> RunAsync(byte[] content, bool dryRun, CancellationToken ct)
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
            return new ImportOutcome(e.Status, null, e.Message);
        }
        var result = await handler.HandleAsync(table, dryRun, ct);
        return new ImportOutcome(result.Succeeded ? 200 : 422, result);
    }

    private ImportOutcome TooLarge() => new(413, null,
        Lang.T($"文件超过 {MaxFileBytes / 1024 / 1024} MB 的上限。", $"The file is larger than the {MaxFileBytes / 1024 / 1024} MB limit."));
}
