using InterviewPortal.Data;
using InterviewPortal.Data.Interviews;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.Web.Features.Interviews;

public sealed record UnscheduledCandidate(int Id, string ExamNumber, string Name, string MajorCode, string MajorName);

/// <summary>
/// The candidates in scope with no live exam interview (none, or only cancelled ones), the ones the day timeline
/// books: searched by name, exam number, major code or major name; at most <see cref="Limit"/>, and the total.
/// </summary>
public sealed class ListUnscheduledHandler(PortalDbContext db)
{
    public const int Limit = 200;

    public async Task<(IReadOnlyList<UnscheduledCandidate> Items, int Total)> HandleAsync(int? collegeId, string? q, CancellationToken ct)
    {
        var candidates = db.Candidates.AsNoTracking()
            .Where(c => !c.Interviews.Any(i => i.Kind == InterviewKind.Exam && i.Status != InterviewStatus.Cancelled));
        if (collegeId is { } college)
            candidates = candidates.Where(c => c.CollegeId == college);
        if (q?.Trim() is { Length: > 0 } text)
            candidates = candidates.Where(c => c.Name.Contains(text) || c.ExamNumber.Contains(text)
                || c.Major.Code.Contains(text) || c.Major.Name.Contains(text));
        var total = await candidates.CountAsync(ct);
        var items = await candidates.OrderBy(c => c.ExamNumber).Take(Limit)
            .Select(c => new UnscheduledCandidate(c.Id, c.ExamNumber, c.Name, c.Major.Code, c.Major.Name)).ToListAsync(ct);
        return (items, total);
    }
}
