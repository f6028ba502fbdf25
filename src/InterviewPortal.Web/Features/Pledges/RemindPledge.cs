using FluentValidation;
using InterviewPortal.Data;
using InterviewPortal.Web.Features.Audit;
using InterviewPortal.Web.Infrastructure.WeLink;
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
            .WithMessage($"Remind at most {MaxCandidates} candidates at once.");
        RuleForEach(r => r.CandidateIds).GreaterThan(0);
    }
}

/// <summary><c>skipped</c>: asked-for ids that are out of scope, unknown or already confirmed; <c>failed</c>: the gateway refused.</summary>
public sealed record RemindPledgeResult(int Version, int Sent, int Skipped, int Failed);

/// <summary>Sends a WeLink message to each candidate in scope who has not confirmed the pledge in force; each send is audited.</summary>
public sealed class RemindPledgeHandler(PortalDbContext db, PledgeStatusHandler status, IWeLinkGateway gateway, ILogger<RemindPledgeHandler> log)
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

        var sent = 0;
        var failed = 0;
        foreach (var target in targets)
        {
            try
            {
                await gateway.SendMessageAsync(Message(target.Phone, version), ct);
                db.Record("pledge.reminder-sent", "Candidate", target.Id, $"version {version}");
                sent++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The exception text may carry the gateway's echo of the phone number: log its type only.
                log.LogWarning("Pledge reminder to candidate {CandidateId} failed: {Error}", target.Id, e.GetType().Name);
                db.Record("pledge.reminder-failed", "Candidate", target.Id, e.GetType().Name);
                failed++;
            }
        }
        await db.SaveChangesAsync(ct);
        return new RemindPledgeResult(version, sent, asked is null ? 0 : asked.Count - targets.Count, failed);
    }

    private static CandidateMessage Message(string phone, int version) => new(phone,
        "请确认考试须知与诚信承诺书 / Please confirm the integrity pledge",
        $"您尚未确认复试考试须知与诚信承诺书（第 {version} 版）。请登录复试平台，在“诚信承诺”页面阅读并确认；确认之前无法提交身份证照片，也不能被邀请进入考场。\n"
        + $"You have not confirmed version {version} of the exam rules and integrity pledge yet. Sign in to the interview portal and confirm it on the Pledge page; until then you cannot send your ID photo or be invited into the exam room.",
        "PledgeReminder");
}
