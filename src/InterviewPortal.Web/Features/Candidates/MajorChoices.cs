using InterviewPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.Web.Features.Candidates;

public sealed record MajorChoice(int Id, string Code, string Name, string CollegeName);

public static class MajorChoices
{
    /// <summary>The majors the caller plans: their college's for a secretary, all for the admin (majors carry no query filter).</summary>
    public static Task<List<MajorChoice>> ForScopeAsync(PortalDbContext db, CancellationToken ct)
    {
        return db.Scope.CoveredMajors(db.Majors.AsNoTracking()).OrderBy(m => m.Code)
            .Select(m => new MajorChoice(m.Id, m.Code, m.Name, m.College.Name)).ToListAsync(ct);
    }
}
