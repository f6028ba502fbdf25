using InterviewPortal.Data;
using InterviewPortal.Data.Candidates;
using InterviewPortal.Data.Interviews;
using InterviewPortal.Web.Features.Shared;
using InterviewPortal.Web.Infrastructure.Privacy;
using InterviewPortal.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.Web.Features.Pledges;

public sealed record PledgeStatusQuery(int? CollegeId, int? RoomId);

/// <summary>A candidate in the caller's scope who has not confirmed the pledge in force; the phone is masked.</summary>
public sealed record UnconfirmedCandidate(int CandidateId, string ExamNumber, string Name, string Phone, int CollegeId,
    string MajorCode, int? LastConfirmedVersion, DateTime? NextStartsAt, DateTimeOffset? NextStartsAtLocal);

/// <summary><c>version</c> is the pledge in force (null: nothing published, so nobody owes a confirmation).</summary>
public sealed record PledgeStatusPage(int? Version, IReadOnlyList<UnconfirmedCandidate> Items, int Total, int Page, int PageSize);

/// <summary>Who has not confirmed the pledge in force, for the college view and the console; scoped by the query filters.</summary>
public sealed class PledgeStatusHandler(PortalDbContext db)
{
    public async Task<PledgeStatusPage> HandleAsync(PledgeStatusQuery query, PageRequest page, CancellationToken ct)
    {
        var version = await CurrentVersionAsync(ct);
        if (version is null)
            return new PledgeStatusPage(null, [], 0, page.Page, page.PageSize);

        var result = await page.ApplyAsync(Unconfirmed(version.Value, query).OrderBy(c => c.ExamNumber), rows => rows.Select(c => new
        {
            c.Id, c.ExamNumber, c.Name, c.Phone, c.CollegeId, MajorCode = c.Major.Code,
            Last = db.PledgeConfirmations.Where(p => p.CandidateId == c.Id).Max(p => (int?)p.Version),
            Next = c.Interviews.Where(i => Interview.Active.Contains(i.Status)).OrderBy(i => i.StartsAt).Select(i => (DateTime?)i.StartsAt).FirstOrDefault(),
        }), ct);

        var items = result.Items.Select(c =>
        {
            var next = c.Next is { } n ? DateTime.SpecifyKind(n, DateTimeKind.Utc) : (DateTime?)null;
            return new UnconfirmedCandidate(c.Id, c.ExamNumber, c.Name, PersonalData.MaskPhone(c.Phone), c.CollegeId, c.MajorCode,
                c.Last, next, next is { } at ? BeijingTime.ToLocal(at) : null);
        }).ToList();
        return new PledgeStatusPage(version, items, result.Total, result.Page, result.PageSize);
    }

    public Task<int?> CurrentVersionAsync(CancellationToken ct) => db.PledgeVersions.MaxAsync(p => (int?)p.Version, ct);

    /// <summary>Candidates in scope (and in the college or room asked for) without a confirmation of <paramref name="version"/>.</summary>
    public IQueryable<Candidate> Unconfirmed(int version, PledgeStatusQuery query)
    {
        IQueryable<Candidate> candidates = db.Candidates.AsNoTracking();
        if (query.CollegeId is { } collegeId)
            candidates = candidates.Where(c => c.CollegeId == collegeId);
        if (query.RoomId is { } roomId)
            candidates = candidates.Where(c => c.Interviews.Any(i => i.ExamRoomId == roomId && i.Status != InterviewStatus.Cancelled));
        return candidates.Where(c => !db.PledgeConfirmations.Any(p => p.CandidateId == c.Id && p.Version == version));
    }
}
