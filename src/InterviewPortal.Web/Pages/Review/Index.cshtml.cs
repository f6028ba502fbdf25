using FluentValidation;
using InterviewPortal.Data;
using InterviewPortal.Data.Staff;
using InterviewPortal.Web.Features.Shared;
using InterviewPortal.Web.Features.Verifications;
using InterviewPortal.Web.Infrastructure.Auth;
using InterviewPortal.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InterviewPortal.Web.Pages.Review;

/// <summary>The reviewer's desk: the queue of their rooms, one photo large beside the candidate's record, and the decision.</summary>
[Authorize(Policy = Policies.Reviewer)]
public class IndexModel(ReviewQueueHandler queue, DecideIdVerificationHandler decide, IValidator<IdDecisionRequest> validator) : PageModel
{
    public IReadOnlyList<VerificationQueueItem> Queue { get; private set; } = [];
    public int QueueTotal { get; private set; }
    public VerificationRecord? Selected { get; private set; }
    public bool CanDecide => User.IsInRole(StaffRoles.Assistant);

    [BindProperty(SupportsGet = true)]
    public int? Id { get; set; }

    [BindProperty]
    public ReasonInput Reason { get; set; } = new();

    [TempData]
    public string? Message { get; set; }

    public sealed class ReasonInput
    {
        public string? Choice { get; set; }
        public string? Text { get; set; }
    }

    /// <summary>The usual reasons, offered so the assistant rarely types; the text box takes anything else.</summary>
    public static IReadOnlyList<string> PresetReasons =>
    [
        Lang.T("照片模糊，证件号码看不清", "The photo is blurred; the ID number cannot be read"),
        Lang.T("照片反光或有遮挡", "Glare or something covers the card"),
        Lang.T("不是身份证人像面", "This is not the portrait side of the ID card"),
        Lang.T("证件边缘被裁掉", "The card is cut off at the edges"),
        Lang.T("证件信息与报名信息不符", "The card does not match the application"),
    ];

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public Task<IActionResult> OnPostApproveAsync(CancellationToken ct) => DecideAsync(IdDecision.Approve, ct);
    public Task<IActionResult> OnPostRejectAsync(CancellationToken ct) => DecideAsync(IdDecision.Reject, ct);
    public Task<IActionResult> OnPostRetakeAsync(CancellationToken ct) => DecideAsync(IdDecision.Retake, ct);

    private async Task<IActionResult> DecideAsync(IdDecision decision, CancellationToken ct)
    {
        if (!CanDecide)
            return Forbid();
        if (Id is not { } id)
            return NotFound();
        string? reason = null;
        if (decision != IdDecision.Approve)
        {
            reason = string.IsNullOrWhiteSpace(Reason.Text) ? Reason.Choice : Reason.Text;
            var validation = await validator.ValidateAsync(new IdDecisionRequest(reason), ct);
            if (!validation.IsValid)
            {
                ModelState.AddModelError("Reason.Text", string.IsNullOrWhiteSpace(reason)
                    ? Lang.T("请选择或填写原因，考生会看到它。", "Choose or type the reason; the candidate will read it.")
                    : validation.Errors[0].ErrorMessage);
                await LoadAsync(ct);
                return Page();
            }
        }
        var outcome = await decide.HandleAsync(id, decision, reason, ct);
        if (outcome.Kind == OutcomeKind.NotFound)
            return NotFound();
        if (outcome.AddTo(ModelState, nameof(Reason)))
        {
            await LoadAsync(ct);
            return Page();
        }
        Message = decision switch
        {
            IdDecision.Approve => Lang.T("已通过，考生已收到通知。", "Approved; the candidate was told."),
            IdDecision.Retake => Lang.T("已请考生重新上传。", "The candidate was asked for a new photo."),
            _ => Lang.T("已驳回，考生已收到原因。", "Rejected; the candidate was given the reason."),
        };
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var page = await queue.ListAsync(Data.Verifications.VerificationStatus.Pending, null, new Features.Shared.PageRequest(1, 200), ct);
        Queue = page.Items;
        QueueTotal = page.Total;
        var id = Id ?? (Queue.Count > 0 ? Queue[0].Id : null);
        Selected = id is { } selected ? await queue.GetAsync(selected, ct) : null;
        Id = Selected?.Id;
    }
}
