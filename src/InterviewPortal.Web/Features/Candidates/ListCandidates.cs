using InterviewPortal.Data;
using InterviewPortal.Data.Candidates;
using InterviewPortal.Data.Interviews;
using InterviewPortal.Web.Features.Shared;
using InterviewPortal.Web.Infrastructure.Privacy;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.Web.Features.Candidates;

public sealed record CandidateListQuery(int? CollegeId, int? MajorId, InterviewStatus? Status, string? Q);

/// <summary>An item of the candidate list; ID and phone numbers are always masked here.</summary>
public sealed record CandidateListItem(int Id, string ExamNumber, string Name, string IdNumber, string Phone,
    int CollegeId, int MajorId, string MajorCode, InterviewStatus? InterviewStatus);

/// <summary>How <c>q</c> may match a mobile number: all 11 digits, or the last four (what the mask shows), never a prefix.</summary>
internal enum PhoneSearch
{
    None,
    Full,
    LastFour,
}

/// <summary>The scoped, filtered, paged candidate list shared by the API and the candidates page.</summary>
public sealed class ListCandidatesHandler(PortalDbContext db)
{
    public async Task<Paged<CandidateListItem>> HandleAsync(CandidateListQuery query, PageRequest page, CancellationToken ct)
    {
        IQueryable<Candidate> candidates = db.Candidates.AsNoTracking();
        if (query.CollegeId is { } collegeId)
            candidates = candidates.Where(c => c.CollegeId == collegeId);
        if (query.MajorId is { } majorId)
            candidates = candidates.Where(c => c.MajorId == majorId);
        if (query.Status is { } status)
            candidates = candidates.Where(c => c.Interviews.Any(i => i.Status == status));
        var q = query.Q?.Trim() ?? "";
        var phoneSearch = Classify(q);
        if (q.Length > 0)
            candidates = phoneSearch switch
            {
                // Equality on the unique phone index. A full number that matches shows nothing new in the list (it
                // is masked there), but it confirms the number: audited below as a full read.
                PhoneSearch.Full => candidates.Where(c => c.ExamNumber.StartsWith(q) || c.Phone == q),
                // The last four are shown in the mask anyway; a suffix scan, within the caller's scope only.
                PhoneSearch.LastFour => candidates.Where(c => c.ExamNumber.StartsWith(q) || c.Name.Contains(q) || c.Phone.EndsWith(q)),
                // Never a phone prefix: 3, 5 or 7 leading digits would rebuild a masked number digit by digit.
                _ => candidates.Where(c => c.ExamNumber.StartsWith(q) || c.Name.Contains(q)),
            };

        var result = await page.ApplyAsync(candidates.OrderBy(c => c.ExamNumber), rows => rows.Select(c => new
        {
            c.Id, c.ExamNumber, c.Name, c.IdNumber, c.Phone, c.CollegeId, c.MajorId, MajorCode = c.Major.Code,
            Status = c.Interviews.Where(i => i.Kind == InterviewKind.Exam).OrderByDescending(i => i.StartsAt).Select(i => (InterviewStatus?)i.Status).FirstOrDefault(),
        }), ct);

        if (phoneSearch == PhoneSearch.Full)
        {
            foreach (var match in result.Items.Where(c => c.Phone == q))
                db.RecordFullRead(match.Id, FullRecordReads.PhoneSearch);
            await db.SaveChangesAsync(ct);
        }

        var items = result.Items.Select(c => new CandidateListItem(c.Id, c.ExamNumber, c.Name,
            PersonalData.MaskIdNumber(c.IdNumber), PersonalData.MaskPhone(c.Phone), c.CollegeId, c.MajorId, c.MajorCode, c.Status)).ToList();
        return new Paged<CandidateListItem>(items, result.Total, result.Page, result.PageSize);
    }

    private static PhoneSearch Classify(string q) =>
        !q.All(char.IsAsciiDigit) ? PhoneSearch.None
        : q.Length == 11 ? PhoneSearch.Full
        : q.Length == 4 ? PhoneSearch.LastFour
        : PhoneSearch.None;
}
