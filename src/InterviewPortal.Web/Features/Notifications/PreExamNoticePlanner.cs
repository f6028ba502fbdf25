using InterviewPortal.Data;
using InterviewPortal.Data.Interviews;
using InterviewPortal.Data.Notifications;
using InterviewPortal.Data.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace InterviewPortal.Web.Features.Notifications;

/// <summary>
/// Stages the pre-exam (T-20) notice of an interview in the caller's unit of work: booking and
/// rescheduling (re)plan it, cancelling withdraws it. Call before SaveChanges. Nothing is scheduled
/// anywhere else: the <see cref="NoticeDispatcher"/> of every node sends the row when its DueAt comes.
/// The outbox row's idempotency key (candidate, start, room and the interview's version) keeps one
/// notice per planned time; the claim keeps it from going out twice.
/// </summary>
public sealed class PreExamNoticePlanner(PortalDbContext db, CandidateOutbox outbox)
{
    private readonly List<(Notification Notice, Interview Interview)> staged = [];
    private bool listening;

    // Read once per unit of work: auto-scheduling plans thousands of notices in one request.
    private int? leadMinutes;

    public async Task PlanAsync(Interview interview, CancellationToken ct)
    {
        var lead = await LeadMinutesAsync(ct);
        await WithdrawAsync(interview, ct);
        var recipient = interview.Candidate?.Phone ?? await db.Candidates.IgnoreQueryFilters().Where(c => c.Id == interview.CandidateId).Select(c => c.Phone).FirstAsync(ct);
        var notice = outbox.Stage(Notice(interview, recipient, lead));
        staged.Add((notice, interview));
        if (!listening)
        {
            db.SavedChanges += OnSaved;
            listening = true;
        }
    }

    /// <summary>
    /// The notices of interviews the caller has just inserted in its transaction (ids known, candidates loaded,
    /// nothing to withdraw), written at once in multi-row INSERTs: auto-scheduling plans thousands in one request.
    /// </summary>
    public async Task PlanInsertedAsync(IReadOnlyList<Interview> interviews, CancellationToken ct)
    {
        var lead = await LeadMinutesAsync(ct);
        var notices = interviews.Select(i => Notice(
            i.Id > 0 ? i : throw new InvalidOperationException("PlanInsertedAsync needs saved interviews (with their ids)."),
            i.Candidate?.Phone ?? throw new InvalidOperationException($"Interview {i.Id} was planned without its candidate."), lead)).ToList();
        await outbox.StageManyAsync(notices, ct);
    }

    private async Task<int> LeadMinutesAsync(CancellationToken ct) =>
        leadMinutes ??= (await PortalSettings.CurrentAsync(db.Settings, ct)).NoticeLeadMinutes;

    private static StagedMessage Notice(Interview interview, string recipient, int leadMinutes) =>
        Notice(interview.Id == 0 ? null : interview.Id, interview.CandidateId, recipient, interview.StartsAt, NoticeTemplates.PreExamKey(interview), leadMinutes);

    /// <summary>The notice of an interview starting at <paramref name="startsAt"/>: due the lead before it, composed when it goes out.</summary>
    public static StagedMessage Notice(int? interviewId, int candidateId, string recipient, DateTime startsAt, string key, int leadMinutes) =>
        new(NoticeTemplates.PreExam, key, candidateId, recipient, startsAt.AddMinutes(-leadMinutes)) { InterviewId = interviewId };

    public Task CancelAsync(Interview interview, CancellationToken ct) => WithdrawAsync(interview, ct);

    private async Task WithdrawAsync(Interview interview, CancellationToken ct)
    {
        if (interview.Id == 0)
            return;
        var pending = await db.Notifications
            .Where(n => n.InterviewId == interview.Id && n.Template == NoticeTemplates.PreExam && n.Status == NotificationStatus.Pending)
            .ToListAsync(ct);
        foreach (var notice in pending)
        {
            notice.Status = NotificationStatus.Cancelled;
            notice.Version = Guid.NewGuid();
        }
        foreach (var s in staged.Where(s => s.Interview == interview && s.Notice.Id == 0).ToList())
        {
            db.Notifications.Remove(s.Notice);
            staged.Remove(s);
        }
    }

    // After the caller's save: a new interview only now has its id, so link the notice to it (the dispatcher skips unlinked rows).
    private void OnSaved(object? sender, SavedChangesEventArgs e)
    {
        var saved = staged.Where(s => s.Notice.Id > 0).ToList();
        foreach (var (notice, interview) in saved)
        {
            staged.Remove((notice, interview));
            if (notice.InterviewId is null && interview.Id > 0)
            {
                db.Notifications.Where(n => n.Id == notice.Id).ExecuteUpdate(s => s.SetProperty(n => n.InterviewId, interview.Id));
                var entry = db.Entry(notice).Property(n => n.InterviewId);
                entry.CurrentValue = interview.Id;
                entry.OriginalValue = interview.Id;
            }
        }
    }
}
