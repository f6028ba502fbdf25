using InterviewPortal.Data;
using InterviewPortal.Web.Features.Audit;
using InterviewPortal.Web.Features.Notifications;
using InterviewPortal.Web.Features.Shared;
using InterviewPortal.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.Web.Features.Interviews;

public sealed record CancelInterviewRequest(string? Reason);

/// <summary>Cancels an interview before it starts; it stops holding its slot and its pending T-20 notice is withdrawn.</summary>
public sealed class CancelInterviewHandler(PortalDbContext db, PreExamNoticePlanner notices)
{
    public async Task<Outcome<InterviewItem>> HandleAsync(int id, string? reason, CancellationToken ct)
    {
        var interview = await db.Interviews.FirstOrDefaultAsync(i => i.Id == id, ct);
        if (interview is null)
            return Outcome.NotFound(Texts.Get("ExamDay.InterviewWasNotFound", id));
        if (reason is { Length: > 500 })
            return Outcome.Invalid("reason", Texts.Get("Rooms.ReasonMustBeAtMost500"));
        try
        {
            interview.Cancel(string.IsNullOrWhiteSpace(reason) ? null : reason.Trim());
        }
        catch (DomainRuleException e)
        {
            return Outcome.Conflict(e.Message);
        }
        await notices.CancelAsync(interview, ct);
        db.Record("interview.cancelled", "Interview", interview.Id, reason);
        await db.SaveChangesAsync(ct);
        return Outcome.Success(InterviewItem.From(interview));
    }
}
