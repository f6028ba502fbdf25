using InterviewPortal.Web.Features.Shared;
using FluentValidation;
using InterviewPortal.Data;
using InterviewPortal.Data.Candidates;
using InterviewPortal.Web.Features.Audit;
using InterviewPortal.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.Web.Features.Candidates;

/// <summary>The body of POST /candidates and PUT /candidates/{id}, and the candidate form's fields.</summary>
public sealed record CandidateInput(string? ExamNumber, string? Name, string? IdNumber, string? Phone, int? MajorId)
{
    public CandidateInput() : this(null, null, null, null, null) { }

    public CandidateInput Normalized() => new(ExamNumber?.Trim(), Name?.Trim(), CandidateRules.NormalizeIdNumber(IdNumber), Phone?.Trim(), MajorId);
}

public sealed class CandidateInputValidator : AbstractValidator<CandidateInput>
{
    public CandidateInputValidator()
    {
        RuleFor(c => c.ExamNumber).ExamNumber();
        RuleFor(c => c.Name).PersonName();
        RuleFor(c => c.IdNumber).IdNumber();
        RuleFor(c => c.Phone).MobilePhone();
        RuleFor(c => c.MajorId).NotNull().WithMessage(_ => Texts.Get("Candidates.ChooseAMajor"));
    }
}

/// <summary>Creates or edits a candidate in the caller's scope; the major must be one the caller plans, and the numbers unique across all colleges.</summary>
public sealed class SaveCandidateHandler(PortalDbContext db)
{
    public async Task<Outcome<int>> CreateAsync(CandidateInput input, CancellationToken ct) => await SaveAsync(null, input.Normalized(), ct);

    public async Task<Outcome<int>> UpdateAsync(int id, CandidateInput input, CancellationToken ct) => await SaveAsync(id, input.Normalized(), ct);

    private async Task<Outcome<int>> SaveAsync(int? id, CandidateInput input, CancellationToken ct)
    {
        Candidate? candidate = null;
        if (id is not null && (candidate = await db.Candidates.FirstOrDefaultAsync(c => c.Id == id, ct)) is null)
            return Outcome.NotFound();

        var major = await db.Majors.FirstOrDefaultAsync(m => m.Id == input.MajorId, ct);
        if (major is null || !db.Scope.Covers(major.CollegeId))
            return Outcome.Invalid("majorId", Texts.Get("Candidates.NoSuchMajorInYourCollege"));

        if (await FindClashAsync(id, input, ct) is { } clash)
            return clash;
        if (candidate is not null && candidate.CollegeId != major.CollegeId && await db.Interviews.IgnoreQueryFilters().AnyAsync(i => i.CandidateId == candidate.Id, ct))
            return Outcome.Clash("majorId", Texts.Get("Candidates.TheCandidateHasInterviewsTheyCannot"));

        candidate ??= db.Candidates.Add(new Candidate { ExamNumber = "", Name = "", IdNumber = "", Phone = "" }).Entity;
        candidate.ExamNumber = input.ExamNumber!;
        candidate.Name = input.Name!;
        candidate.IdNumber = input.IdNumber!;
        candidate.ChangePhone(input.Phone!);
        candidate.AssignMajor(major);
        candidate.Version = Guid.NewGuid();
        try
        {
            await db.SaveRecordingAsync(d => d.Record(id is null ? "candidate.created" : "candidate.updated", nameof(Candidate), candidate.Id,
                $"exam number {candidate.ExamNumber}"), ct);
        }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException)
        {
            // A concurrent save took one of the unique numbers between our check and the insert.
            return Outcome.Conflict(Texts.Get("Candidates.TheExamNumberIDNumberOr"));
        }
        return Outcome.Success(candidate.Id);
    }

    // Across every college: the numbers are unique in the whole university, whoever can see the other record. A clash
    // with a record the caller cannot see answers the neutral words, never "another candidate has it".
    private async Task<Refusal?> FindClashAsync(int? id, CandidateInput input, CancellationToken ct)
    {
        var others = await db.Candidates.IgnoreQueryFilters().AsNoTracking()
            .Where(c => c.Id != id && (c.ExamNumber == input.ExamNumber || c.IdNumber == input.IdNumber || c.Phone == input.Phone))
            .Select(c => new { c.ExamNumber, c.IdNumber, c.Phone, c.CollegeId })
            .ToListAsync(ct);
        if (others.Any(o => o.ExamNumber == input.ExamNumber))
            return Outcome.Clash("examNumber", Texts.Get("Candidates.AnotherCandidateAlreadyHasThisExam"));
        if (others.FirstOrDefault(o => o.IdNumber == input.IdNumber) is { } byId)
            return Outcome.Clash("idNumber", db.Scope.Covers(byId.CollegeId)
                ? Texts.Get("Candidates.AnotherCandidateAlreadyHasThisID")
                : CandidateRules.UnusableIdNumber());
        if (others.FirstOrDefault(o => o.Phone == input.Phone) is { } byPhone)
            return Outcome.Clash("phone", db.Scope.Covers(byPhone.CollegeId)
                ? Texts.Get("Candidates.AnotherCandidateAlreadyHasThisMobile")
                : CandidateRules.UnusablePhone());
        return null;
    }
}
