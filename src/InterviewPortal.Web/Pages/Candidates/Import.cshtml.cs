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
/// Upload → preview (a dry run listing every bad row) → confirm. Between the two steps the file waits encrypted in the
/// protected store; its key travels in TempData (a protected cookie), so only this browser can confirm it.
/// </summary>
[Authorize(Policy = Policies.Planner)]
public class ImportModel(CandidateImport import, ProtectedFileStore files) : PageModel
{
    private const string PendingKey = "PendingImport";

    public ImportResult? Preview { get; private set; }
    public ImportResult? Done { get; private set; }
    public string? Problem { get; private set; }
    public long MaxMegabytes => import.MaxFileBytes / 1024 / 1024;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostPreviewAsync(IFormFile? upload, CancellationToken ct)
    {
        var outcome = await import.RunAsync(upload, dryRun: true, ct);
        if (!outcome.Succeeded)
        {
            Problem = outcome.Message;
            return Page();
        }
        Preview = outcome.Value;
        if (Preview!.Succeeded)
        {
            await using var stream = upload!.OpenReadStream();
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, ct);
            TempData[PendingKey] = await files.SaveAsync(buffer.ToArray(), ct);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken ct)
    {
        if (TempData[PendingKey] is not string key || await files.ReadAsync(key, ct) is not { } content)
        {
            Problem = Lang.T("没有待确认的导入，请重新上传文件。", "There is no import waiting for confirmation; upload the file again.");
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
}
