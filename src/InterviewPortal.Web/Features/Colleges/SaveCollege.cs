using InterviewPortal.Web.Features.Shared;
using FluentValidation;
using InterviewPortal.Data;
using InterviewPortal.Data.Colleges;
using InterviewPortal.Web.Features.Audit;
using InterviewPortal.Web.Features.Candidates;
using InterviewPortal.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.Web.Features.Colleges;

public sealed record CollegeInput(string? Code, string? Name)
{
    public CollegeInput() : this(null, null) { }
}

public sealed record CollegeItem(int Id, string Code, string Name);

public sealed class CollegeInputValidator : AbstractValidator<CollegeInput>
{
    public CollegeInputValidator()
    {
        RuleFor(c => c.Code).Must(c => !string.IsNullOrWhiteSpace(c) && c.Trim().Length <= 16 && c.Trim().All(char.IsAsciiLetterOrDigit))
            .WithMessage(_ => Texts.Get("Colleges.TheCollegeCodeIs116"));
        RuleFor(c => c.Name).Must(n => !string.IsNullOrWhiteSpace(n) && n.Trim().Length <= 100)
            .WithMessage(_ => Texts.Get("Colleges.TheCollegeNameIsRequiredAt"));
    }
}

/// <summary>Creates, renames and deletes colleges (Admin). A college with majors, candidates or rooms is never deleted.</summary>
public sealed class SaveCollegeHandler(PortalDbContext db)
{
    public Task<List<CollegeItem>> ListAsync(CancellationToken ct) =>
        db.Colleges.AsNoTracking().OrderBy(c => c.Code).Select(c => new CollegeItem(c.Id, c.Code, c.Name)).ToListAsync(ct);

    public Task<CollegeItem?> GetAsync(int id, CancellationToken ct) =>
        db.Colleges.AsNoTracking().Where(c => c.Id == id).Select(c => new CollegeItem(c.Id, c.Code, c.Name)).FirstOrDefaultAsync(ct);

    public async Task<Outcome<int>> SaveAsync(int? id, CollegeInput input, CancellationToken ct)
    {
        var code = input.Code!.Trim().ToUpperInvariant();
        College? college = null;
        if (id is not null && (college = await db.Colleges.FirstOrDefaultAsync(c => c.Id == id, ct)) is null)
            return Outcome.NotFound();
        if (await db.Colleges.AnyAsync(c => c.Code == code && c.Id != id, ct))
            return Outcome.Clash("code", Texts.Get("Colleges.ACollegeWithCodeAlreadyExists", code));
        college ??= db.Colleges.Add(new College { Code = code, Name = "" }).Entity;
        (college.Code, college.Name, college.Version) = (code, input.Name!.Trim(), Guid.NewGuid());
        await db.SaveRecordingAsync(d => d.Record(id is null ? "college.created" : "college.updated", nameof(College), college.Id, $"{college.Code} {college.Name}"), ct);
        return Outcome.Success(college.Id);
    }

    public async Task<Outcome<int>> DeleteAsync(int id, CancellationToken ct)
    {
        var college = await db.Colleges.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (college is null)
            return Outcome.NotFound();
        var inUse = new List<string>();
        if (await db.Majors.AnyAsync(m => m.CollegeId == id, ct))
            inUse.Add(Texts.Get("Colleges.Majors"));
        if (await db.Candidates.IgnoreQueryFilters().AnyAsync(c => c.CollegeId == id, ct))
            inUse.Add(Texts.Get("Colleges.Candidates"));
        if (await db.ExamRooms.IgnoreQueryFilters().AnyAsync(r => r.CollegeId == id, ct))
            inUse.Add(Texts.Get("Colleges.ExamRooms"));
        if (await db.Users.AnyAsync(u => u.CollegeId == id, ct))
            inUse.Add(Texts.Get("Colleges.SecretaryAccounts"));
        if (inUse.Count > 0)
            return Outcome.Conflict(Texts.Get("Colleges.TheCollegeStillHasItCannot", string.Join(Texts.Get("Shared.ListSeparator"), inUse)));
        db.Colleges.Remove(college);
        db.Record("college.deleted", nameof(College), id, $"{college.Code} {college.Name}");
        await db.SaveChangesAsync(ct);
        return Outcome.Success(id);
    }
}
