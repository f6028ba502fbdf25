using InterviewPortal.Web.Features.Shared;
using FluentValidation;
using InterviewPortal.Data;
using InterviewPortal.Data.Candidates;
using InterviewPortal.Data.Requests;
using InterviewPortal.Web.Features.Audit;
using InterviewPortal.Web.Features.Candidates;
using InterviewPortal.Web.Features.Notifications;
using InterviewPortal.Web.Infrastructure.Localization;
using InterviewPortal.Web.Infrastructure.Privacy;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.Web.Features.Inbox;

public sealed record AnswerInput(string? Answer);

public sealed record RefuseInput(string? Reason);

public sealed class AnswerInputValidator : AbstractValidator<AnswerInput>
{
    public AnswerInputValidator() =>
        RuleFor(a => a.Answer).Must(a => !string.IsNullOrWhiteSpace(a) && a.Trim().Length <= 1000)
            .WithMessage(_ => Texts.Get("Inbox.WriteAnAnswerAtMost1000"));
}

public sealed class RefuseInputValidator : AbstractValidator<RefuseInput>
{
    public RefuseInputValidator() =>
        RuleFor(a => a.Reason).Must(a => !string.IsNullOrWhiteSpace(a) && a.Trim().Length <= 1000)
            .WithMessage(_ => Texts.Get("Inbox.ARefusalNeedsAReasonAt"));
}

/// <summary>
/// The secretary's answers: reply to an assignment report; approve a phone change (the candidate's phone changes,
/// audited, the old and the new number are told) or refuse it with a reason (the candidate is told). Either way
/// the scans are deleted once the decision is committed.
/// </summary>
public sealed class AnswerRequestsHandler(PortalDbContext db, CandidateOutbox outbox, PhoneChangeDocuments documents, TimeProvider clock)
{
    public async Task<Outcome<int>> AnswerReportAsync(int id, AnswerInput input, CancellationToken ct)
    {
        var report = await db.AssignmentReports.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (report is null)
            return Outcome.NotFound();
        (report.Answer, report.AnsweredBy, report.AnsweredAt) = (input.Answer!.Trim(), db.Scope.Actor, clock.GetUtcNow().UtcDateTime);
        (report.Status, report.Version) = (RequestStatus.Answered, Guid.NewGuid());
        db.Record("assignment-report.answered", nameof(AssignmentReport), id);
        await db.SaveChangesAsync(ct);
        return Outcome.Success(id);
    }

    public async Task<Outcome<int>> ApprovePhoneChangeAsync(int id, CancellationToken ct)
    {
        var request = await db.PhoneChangeRequests.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (request is null)
            return Outcome.NotFound();
        if (request.Status != RequestStatus.Open)
            return AlreadyDecided(request);
        var candidate = await db.Candidates.FirstOrDefaultAsync(c => c.Id == request.CandidateId, ct);
        if (candidate is null)
            return Outcome.NotFound();
        if (CandidateRules.CheckPhone(request.NewPhone) is { } invalid)
            return Outcome.Conflict(invalid);
        if (await db.Candidates.IgnoreQueryFilters().AnyAsync(c => c.Phone == request.NewPhone && c.Id != candidate.Id, ct))
            return Outcome.Conflict(Texts.Get("Inbox.TheNewMobileNumberBelongsTo"));

        var old = candidate.Phone;
        candidate.ChangePhone(request.NewPhone);
        candidate.Version = Guid.NewGuid();
        var now = Decide(request, RequestStatus.Approved, null);
        db.Record("candidate.phone-changed", nameof(Candidate), candidate.Id,
            $"phone change request {id} approved: {PersonalData.MaskPhone(old)} -> {PersonalData.MaskPhone(request.NewPhone)}");
        foreach (var message in PhoneChangeMessages.Approved(request, candidate.Id, old, await CollegeNameAsync(candidate.CollegeId, ct), now))
            outbox.Stage(message);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException)
        {
            return Outcome.Conflict(Texts.Get("Inbox.TheNewMobileNumberWasJust"));
        }
        await documents.DiscardAsync(request, ct);
        return Outcome.Success(id);
    }

    public async Task<Outcome<int>> RefusePhoneChangeAsync(int id, RefuseInput input, CancellationToken ct)
    {
        var request = await db.PhoneChangeRequests.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (request is null)
            return Outcome.NotFound();
        if (request.Status != RequestStatus.Open)
            return AlreadyDecided(request);
        var candidate = await db.Candidates.IgnoreQueryFilters().Where(c => c.Id == request.CandidateId)
            .Select(c => new { c.Phone, c.CollegeId }).FirstAsync(ct);
        var now = Decide(request, RequestStatus.Refused, input.Reason!.Trim());
        db.Record("phone-change.refused", nameof(PhoneChangeRequest), id, request.DecisionReason);
        outbox.Stage(PhoneChangeMessages.Refused(request, request.CandidateId, candidate.Phone, await CollegeNameAsync(candidate.CollegeId, ct), now));
        await db.SaveChangesAsync(ct);
        await documents.DiscardAsync(request, ct);
        return Outcome.Success(id);
    }

    private DateTime Decide(PhoneChangeRequest request, RequestStatus status, string? reason)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        (request.Status, request.DecisionReason, request.Version) = (status, reason, Guid.NewGuid());
        (request.DecidedBy, request.DecidedAt) = (db.Scope.Actor, now);
        return now;
    }

    private Task<string> CollegeNameAsync(int collegeId, CancellationToken ct) =>
        db.Colleges.Where(c => c.Id == collegeId).Select(c => c.Name).FirstAsync(ct);

    private static Refusal AlreadyDecided(PhoneChangeRequest request) =>
        Outcome.Conflict(Texts.Get("Inbox.TheRequestWasAlreadyDecided", request.Status));
}
