using InterviewPortal.Web.Features.Shared;
using FluentValidation;
using InterviewPortal.Data;
using InterviewPortal.Data.Colleges;
using InterviewPortal.Web.Features.Audit;
using InterviewPortal.Web.Features.Candidates;
using InterviewPortal.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.Web.Features.Colleges;

public sealed record MajorInput(string? Code, string? Name)
{
    public MajorInput() : this(null, null) { }
}

public sealed record MajorItem(int Id, string Code, string Name, int CollegeId);

public sealed class MajorInputValidator : AbstractValidator<MajorInput>
{
    public MajorInputValidator()
    {
        RuleFor(m => m.Code).Must(c => c?.Trim() is { Length: 6 } code && code.All(char.IsAsciiDigit))
            .WithMessage(_ => Texts.Get("Colleges.TheMajorCodeMustBe6"));
        RuleFor(m => m.Name).Must(n => !string.IsNullOrWhiteSpace(n) && n.Trim().Length <= 100)
            .WithMessage(_ => Texts.Get("Colleges.TheMajorNameIsRequiredAt"));
    }
}

/// <summary>Lists a college's majors and adds one (Admin); the 6-digit national code is unique across the university.</summary>
public sealed class AddMajorHandler(PortalDbContext db)
{
    public async Task<List<MajorItem>?> ListAsync(int collegeId, CancellationToken ct) =>
        await db.Colleges.AnyAsync(c => c.Id == collegeId, ct)
            ? await db.Majors.AsNoTracking().Where(m => m.CollegeId == collegeId).OrderBy(m => m.Code)
                .Select(m => new MajorItem(m.Id, m.Code, m.Name, m.CollegeId)).ToListAsync(ct)
            : null;

    public async Task<Outcome<int>> HandleAsync(int collegeId, MajorInput input, CancellationToken ct)
    {
        if (!await db.Colleges.AnyAsync(c => c.Id == collegeId, ct))
            return Outcome.NotFound();
        var code = input.Code!.Trim();
        if (await db.Majors.AnyAsync(m => m.Code == code, ct))
            return Outcome.Clash("code", Texts.Get("Colleges.AMajorWithCodeAlreadyExists", code));
        var major = db.Majors.Add(new Major { CollegeId = collegeId, Code = code, Name = input.Name!.Trim() }).Entity;
        await db.SaveRecordingAsync(d => d.Record("major.created", nameof(Major), major.Id, $"{code} {major.Name} in college {collegeId}"), ct);
        return Outcome.Success(major.Id);
    }
}
