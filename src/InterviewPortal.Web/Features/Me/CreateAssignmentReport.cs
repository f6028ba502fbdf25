using FluentValidation;
using InterviewPortal.Data;
using InterviewPortal.Data.Requests;
using InterviewPortal.Web.Features.Audit;
using InterviewPortal.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.Web.Features.Me;

public sealed record AssignmentReportRequest(string? Message);

public sealed class AssignmentReportValidator : AbstractValidator<AssignmentReportRequest>
{
    public AssignmentReportValidator() =>
        RuleFor(r => r.Message).NotEmpty().WithMessage(_ => Texts.Get("Me.SayWhatIsWrong"))
            .MaximumLength(1000).WithMessage(_ => Texts.Get("Me.AtMost1000Characters"));
}

public sealed record AssignmentReportView(int Id, string Message, RequestStatus Status, DateTime CreatedAt, string? Answer, DateTime? AnsweredAt);

/// <summary>A candidate says their college or major is wrong; the report lands in their college secretary's inbox.</summary>
public sealed class CreateAssignmentReportHandler(PortalDbContext db, TimeProvider clock)
{
    public async Task<AssignmentReportView?> HandleAsync(int candidateId, AssignmentReportRequest request, CancellationToken ct)
    {
        // The query filter hides every other candidate, so a forged id finds nothing.
        var collegeId = await db.Candidates.Where(c => c.Id == candidateId).Select(c => (int?)c.CollegeId).FirstOrDefaultAsync(ct);
        if (collegeId is null)
            return null;
        var report = new AssignmentReport
        {
            CandidateId = candidateId,
            CollegeId = collegeId.Value,
            Message = request.Message!.Trim(),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.AssignmentReports.Add(report);
        await db.SaveRecordingAsync(d => d.Record("assignment-report.created", nameof(AssignmentReport), report.Id), ct);
        return ToView(report);
    }

    public Task<List<AssignmentReportView>> ListAsync(int candidateId, CancellationToken ct) =>
        db.AssignmentReports.AsNoTracking().Where(r => r.CandidateId == candidateId).OrderByDescending(r => r.Id)
            .Select(r => new AssignmentReportView(r.Id, r.Message, r.Status, r.CreatedAt, r.Answer, r.AnsweredAt))
            .ToListAsync(ct);

    private static AssignmentReportView ToView(AssignmentReport r) => new(r.Id, r.Message, r.Status, r.CreatedAt, r.Answer, r.AnsweredAt);
}
