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
            .WithMessage(_ => Lang.T("学院代码为1–16位字母或数字", "The college code is 1–16 letters or digits."));
        RuleFor(c => c.Name).Must(n => !string.IsNullOrWhiteSpace(n) && n.Trim().Length <= 100)
            .WithMessage(_ => Lang.T("学院名称不能为空，最多100个字符", "The college name is required, at most 100 characters."));
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
            return Outcome.Clash("code", Lang.T($"学院代码 {code} 已存在", $"A college with code {code} already exists."));
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
            inUse.Add(Lang.T("专业", "majors"));
        if (await db.Candidates.IgnoreQueryFilters().AnyAsync(c => c.CollegeId == id, ct))
            inUse.Add(Lang.T("考生", "candidates"));
        if (await db.ExamRooms.IgnoreQueryFilters().AnyAsync(r => r.CollegeId == id, ct))
            inUse.Add(Lang.T("考场", "exam rooms"));
        if (await db.Users.AnyAsync(u => u.CollegeId == id, ct))
            inUse.Add(Lang.T("秘书账号", "secretary accounts"));
        if (inUse.Count > 0)
            return Outcome.Conflict(Lang.T($"学院仍有{string.Join("、", inUse)}，不能删除。", $"The college still has {string.Join(", ", inUse)}; it cannot be deleted."));
        db.Colleges.Remove(college);
        db.Record("college.deleted", nameof(College), id, $"{college.Code} {college.Name}");
        await db.SaveChangesAsync(ct);
        return Outcome.Success(id);
    }
}
