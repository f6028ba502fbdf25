using FluentValidation;
using InterviewPortal.Data;
using InterviewPortal.Web.Features.Audit;
using InterviewPortal.Web.Features.Notifications;
using InterviewPortal.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.Web.Features.Pledges;

/// <summary>No ids: every unconfirmed candidate in the caller's scope.</summary>
public sealed record RemindPledgeRequest(IReadOnlyList<int>? CandidateIds);

public sealed class RemindPledgeValidator : AbstractValidator<RemindPledgeRequest>
{
    public const int MaxCandidates = 500;

    public RemindPledgeValidator()
    {
        RuleFor(r => r.CandidateIds).Must(ids => ids is null || ids.Count <= MaxCandidates)
            .WithMessage(_ => Texts.Get("Pledges.RemindAtMostCandidatesAtOnce", MaxCandidates));
        RuleForEach(r => r.CandidateIds).GreaterThan(0);
    }
}

/// <summary><c>skipped</c>: asked-for ids that are out of scope, unknown or already confirmed; <c>failed</c>: the gateway refused (the outbox tries again).</summary>
public sealed record RemindPledgeResult(int Version, int Sent, int Skipped, int Failed);

/// <summary>
/// Stages a WeLink message to each candidate in scope who has not confirmed the pledge in force and sends them at once
/// (the outbox's one claim, so no row goes out twice); each send is audited. One that WeLink refuses stays in the
/// outbox and the dispatcher retries it with back-off.
/// </summary>
public sealed class RemindPledgeHandler(PortalDbContext db, PledgeStatusHandler status, CandidateOutbox outbox, ILogger<RemindPledgeHandler> log)
{
    /// <summary>Null when no pledge is published (nothing to remind of).</summary>
    public async Task<RemindPledgeResult?> HandleAsync(RemindPledgeRequest request, CancellationToken ct)
    {
        if (await status.CurrentVersionAsync(ct) is not { } version)
            return null;
        var query = status.Unconfirmed(version, new PledgeStatusQuery(null, null));
        var asked = request.CandidateIds is { Count: > 0 } ids ? ids.Distinct().ToList() : null;
        if (asked is not null)
            query = query.Where(c => asked.Contains(c.Id));
        var targets = await query.OrderBy(c => c.Id).Take(RemindPledgeValidator.MaxCandidates)
            .Select(c => new { c.Id, c.Phone }).ToListAsync(ct);

        // Due a moment ahead: this request sends them itself and counts what went out, so no dispatcher may take one first.
        var due = outbox.DueForOwnSend();
        var press = Guid.NewGuid();
        var staged = targets.Select(t => (t.Id, Row: outbox.Stage(Message(t.Id, t.Phone, version, press, due)))).ToList();
        await db.SaveChangesAsync(ct);
        var outcomes = await outbox.SendNowAsync(staged.Select(s => s.Row.Id).ToList());

        var sent = 0;
        var failed = 0;
        foreach (var (candidateId, row) in staged)
        {
            var outcome = outcomes.GetValueOrDefault(row.Id, NoticeOutcome.Retrying);
            if (outcome == NoticeOutcome.Sent)
            {
                db.Record("pledge.reminder-sent", "Candidate", candidateId, $"version {version}");
                sent++;
            }
            else
            {
                // The gateway's error text may echo the phone number: it stays on the outbox row, never in the log.
                log.LogWarning("Pledge reminder to candidate {CandidateId} failed: {Error}", candidateId, outcome);
                db.Record("pledge.reminder-failed", "Candidate", candidateId, outcome.ToString());
                failed++;
            }
        }
        await db.SaveChangesAsync(ct);
        return new RemindPledgeResult(version, sent, asked is null ? 0 : asked.Count - targets.Count, failed);
    }

    private static StagedMessage Message(int candidateId, string phone, int version, Guid press, DateTime due) =>
        new(NoticeTemplates.PledgeReminder, NoticeTemplates.PledgeReminderKey(version, candidateId, press), candidateId, phone, due)
        {
            Title = "请确认考试须知与诚信承诺书 / Please confirm the integrity pledge",
            Text = $"您尚未确认复试考试须知与诚信承诺书（第 {version} 版）。请登录复试平台，在“诚信承诺”页面阅读并确认；确认之前无法提交身份证照片，也不能被邀请进入考场。\n"
                + $"You have not confirmed version {version} of the exam rules and integrity pledge yet. Sign in to the interview portal and confirm it on the Pledge page; until then you cannot send your ID photo or be invited into the exam room.",
        };
}
