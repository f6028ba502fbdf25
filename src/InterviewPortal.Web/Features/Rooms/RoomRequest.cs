using FluentValidation;
using InterviewPortal.Web.Infrastructure.Localization;

namespace InterviewPortal.Web.Features.Rooms;

/// <summary>Create or update an exam room. A secretary's rooms are always in their own college; the admin names the college.</summary>
public sealed record RoomRequest(int? CollegeId, string? Name, string? AssistantUserName, IReadOnlyList<string>? Examiners, bool RecordSessions = false);

/// <summary>A room as the API shows it; the assistant by user name.</summary>
public sealed record RoomRecord(int Id, int CollegeId, string Name, string? AssistantUserName, IReadOnlyList<string> Examiners, bool RecordSessions);

public sealed class RoomRequestValidator : AbstractValidator<RoomRequest>
{
    public const int MaxExaminers = 20;

    public RoomRequestValidator()
    {
        RuleFor(r => r.Name).NotEmpty().WithMessage(_ => Texts.Get("Rooms.NameIsRequired"))
            .MaximumLength(100).WithMessage(_ => Texts.Get("Rooms.NameMustBeAtMost100"));
        RuleFor(r => r.CollegeId).GreaterThan(0);
        RuleFor(r => r.AssistantUserName).MaximumLength(256);
        RuleFor(r => r.Examiners).Must(e => e!.Count <= MaxExaminers).When(r => r.Examiners is not null)
            .WithMessage(_ => Texts.Get("Rooms.AtMostExaminersARoom", MaxExaminers));
        RuleForEach(r => r.Examiners).NotEmpty().WithMessage(_ => Texts.Get("Rooms.AnExaminerSNameMustNot"))
            .MaximumLength(50).WithMessage(_ => Texts.Get("Rooms.AnExaminerSNameMustBe"));
        RuleFor(r => r.Examiners).Must(e => e!.Select(x => x?.Trim()).Distinct().Count() == e!.Count).When(r => r.Examiners is not null)
            .WithMessage(_ => Texts.Get("Rooms.AnExaminerIsNamedTwice"));
    }
}
