using FluentValidation;
using InterviewPortal.Data;
using InterviewPortal.Data.Interviews;
using InterviewPortal.Web.Features.Audit;
using InterviewPortal.Web.Features.Shared;
using InterviewPortal.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.Web.Features.Rehearsals;

public sealed record RehearsalOutcomeRequest(RehearsalOutcome? Outcome, string? Note);

public sealed class RehearsalOutcomeValidator : AbstractValidator<RehearsalOutcomeRequest>
{
    public const int MaxNote = 500;

    public RehearsalOutcomeValidator()
    {
        RuleFor(r => r.Outcome).NotNull()
            .WithMessage(_ => Texts.Get("Rehearsals.ChooseTheOutcomePassedDevicesFailedNetworkFailed")).IsInEnum();
        RuleFor(r => r.Note).MaximumLength(MaxNote);
    }
}

public sealed record RehearsalOutcomeRecord(int InterviewId, int CandidateId, RehearsalOutcome Outcome, string? Note, InterviewStatus Status);

/// <summary>The assistant records how the rehearsal went: devices and network passed, or what failed, with a note.</summary>
public sealed class RecordRehearsalOutcomeHandler(PortalDbContext db)
{
    public async Task<Outcome<RehearsalOutcomeRecord>> HandleAsync(int interviewId, RehearsalOutcomeRequest request, CancellationToken ct)
    {
        // Scoped: an assistant finds only the interviews of the rooms they staff.
        var interview = await db.Interviews.FirstOrDefaultAsync(i => i.Id == interviewId, ct);
        if (interview is null)
            return Outcome.NotFound(Texts.Get("Rehearsals.NoInterviewInYourRooms", interviewId));
        var note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim();
        try
        {
            interview.RecordRehearsalOutcome(request.Outcome!.Value, note);
        }
        catch (DomainRuleException e)
        {
            return Outcome.Conflict(e.Message);
        }
        db.Record("rehearsal.outcome-recorded", nameof(Interview), interview.Id, request.Outcome.Value.ToString());
        await db.SaveChangesAsync(ct);
        return Outcome.Success(
            new RehearsalOutcomeRecord(interview.Id, interview.CandidateId, interview.RehearsalOutcome!.Value, interview.RehearsalNote, interview.Status));
    }
}
