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
        Texts.Get("Review.ThePhotoIsBlurredTheID"),
        Texts.Get("Review.GlareOrSomethingCoversTheCard"),
        Texts.Get("Review.ThisIsNotThePortraitSide"),
        Texts.Get("Review.TheCardIsCutOffAt"),
        Texts.Get("Review.TheCardDoesNotMatchThe"),
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
                    ? Texts.Get("Review.ChooseOrTypeTheReasonThe")
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
            IdDecision.Approve => Texts.Get("Review.ApprovedTheCandidateWasTold"),
            IdDecision.Retake => Texts.Get("Review.TheCandidateWasAskedForA"),
            _ => Texts.Get("Review.RejectedTheCandidateWasGivenThe"),
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
