using InterviewPortal.Web.Features.Import;
using InterviewPortal.Web.Features.Shared;
using InterviewPortal.Web.Infrastructure.Auth;
using InterviewPortal.Web.Infrastructure.Files;
using InterviewPortal.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InterviewPortal.Web.Pages.Candidates;

/// <summary>
/// Template → upload → preview (a dry run: the file's rows as a table, each with its errors) → confirm. Between the two
/// steps the file waits encrypted in the protected store; its key travels in TempData (a protected cookie), so only this
/// browser can confirm it, and only within <see cref="PendingLifetime"/>: the secretary commits exactly the file they
/// checked without choosing it again (a browser empties the file input after each post).
/// </summary>
[Authorize(Policy = Policies.Planner)]
public class ImportModel(CandidateImport import, ProtectedFileStore files, ImportTemplate template, TimeProvider clock) : PageModel
{
    private const string PendingKey = "PendingImport";
    private static readonly TimeSpan PendingLifetime = TimeSpan.FromMinutes(30);

    public ImportResult? Preview { get; private set; }
    public ImportResult? Done { get; private set; }
    public string? Problem { get; private set; }
    public long MaxMegabytes => import.MaxFileBytes / 1024 / 1024;

    public void OnGet()
    {
    }

    /// <summary>GET ?handler=Template&amp;format=xlsx|csv: the header row and one example row that passes the checks.</summary>
    public async Task<IActionResult> OnGetTemplateAsync(string? format, CancellationToken ct) =>
        await template.BuildAsync(format, ct) is { } file ? File(file.Content, file.ContentType, file.FileName) : NotFound();

    public async Task<IActionResult> OnPostPreviewAsync(IFormFile? upload, CancellationToken ct)
    {
        var outcome = await import.RunAsync(upload, dryRun: true, ct);
        if (!outcome.Succeeded)
        {
            Problem = outcome.Message;
            return Page();
        }
        Preview = outcome.Value;
        // A second check replaces the first: the older file is not left behind in the store.
        if (PendingFile() is { } older)
        {
            files.Delete(older.Key);
            TempData.Remove(PendingKey);
        }
        if (Preview!.Succeeded)
        {
            await using var stream = upload!.OpenReadStream();
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, ct);
            var key = await files.SaveAsync(buffer.ToArray(), ct);
            TempData[PendingKey] = $"{key}|{clock.GetUtcNow().Add(PendingLifetime).ToUnixTimeSeconds()}";
        }
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken ct)
    {
        var pending = PendingFile();
        TempData.Remove(PendingKey);
        if (pending is { Expired: true })
            files.Delete(pending.Value.Key);
        if (pending is not { Expired: false, Key: var key } || await files.ReadAsync(key, ct) is not { } content)
        {
            Problem = Texts.Get("Candidates.ThereIsNoImportWaitingFor");
            return Page();
        }
        var outcome = await import.RunAsync(content, dryRun: false, ct);
        files.Delete(key);
        if (!outcome.Succeeded)
            Problem = outcome.Message;
        else if (outcome.Value!.Succeeded)
            Done = outcome.Value;
        else
            Preview = outcome.Value; // the data changed since the preview: show the new errors
        return Page();
    }

    /// <summary>The checked file waiting for confirmation, read without consuming it; null when there is none or the value is not ours.</summary>
    private (string Key, bool Expired)? PendingFile()
    {
        if (TempData.Peek(PendingKey) is not string value || value.Split('|') is not [var key, var until]
            || key.Length != 32 || !key.All(char.IsAsciiHexDigit) || !long.TryParse(until, out var seconds))
            return null;
        return (key, clock.GetUtcNow().ToUnixTimeSeconds() > seconds);
    }
}
