using System.Globalization;
using System.Text.RegularExpressions;
using FluentValidation;
using InterviewPortal.Data.Interviews;
using InterviewPortal.Web.Infrastructure.Localization;
using InterviewPortal.Web.Infrastructure.Time;

namespace InterviewPortal.Web.Features.Interviews;

/// <summary>
/// The body of booking and rescheduling. Times and the kind arrive as text so that a start without an
/// offset or an unknown kind is a field error, not a guess (a bare time would silently mean server time).
/// </summary>
public sealed record InterviewRequest(int? CandidateId, int? RoomId, string? StartsAt, int? DurationMinutes, string? Kind)
{
    public DateTime StartsAtUtc => InterviewTimes.ParseOffset(StartsAt)!.Value.UtcDateTime;
    public InterviewKind KindOrDefault => InterviewTimes.ParseKind(Kind) ?? InterviewKind.Exam;
}

/// <summary>An interview as the API shows it.</summary>
public sealed record InterviewItem(int Id, int CandidateId, int RoomId, DateTime StartsAt, DateTimeOffset StartsAtLocal,
    int DurationMinutes, InterviewStatus Status, InterviewKind Kind)
{
    public static InterviewItem From(Interview i) =>
        new(i.Id, i.CandidateId, i.ExamRoomId, DateTime.SpecifyKind(i.StartsAt, DateTimeKind.Utc), BeijingTime.ToLocal(i.StartsAt),
            i.DurationMinutes, i.Status, i.Kind);
}

public static partial class InterviewTimes
{
    public const int MaxDurationMinutes = 8 * 60;

    /// <summary>ISO 8601 with a date, a time and an explicit offset (Z or ±hh:mm); null otherwise.</summary>
    public static DateTimeOffset? ParseOffset(string? text) =>
        text is not null && IsoWithOffset().IsMatch(text.Trim())
        && DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)
            ? value
            : null;

    public static InterviewKind? ParseKind(string? text) =>
        string.IsNullOrWhiteSpace(text) ? InterviewKind.Exam
        : Enum.TryParse<InterviewKind>(text.Trim(), ignoreCase: true, out var kind) && Enum.IsDefined(kind) && !int.TryParse(text, out _) ? kind
        : null;

    public static string OffsetMessage => Texts.Get("Interviews.GiveTheStartAsISO8601");
    public static string KindMessage => Texts.Get("Interviews.KindMustBeExamOrRehearsal");

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$", RegexOptions.IgnoreCase)]
    private static partial Regex IsoWithOffset();
}

public sealed class InterviewRequestValidator : AbstractValidator<InterviewRequest>
{
    public InterviewRequestValidator()
    {
        RuleFor(r => r.CandidateId).NotNull().WithMessage(_ => Texts.Get("Interviews.CandidateIdIsRequired")).GreaterThan(0);
        RuleFor(r => r.RoomId).NotNull().WithMessage(_ => Texts.Get("Interviews.RoomIdIsRequired")).GreaterThan(0);
        RuleFor(r => r.StartsAt).NotEmpty().WithMessage(_ => Texts.Get("Interviews.StartsAtIsRequired"))
            .Must(s => InterviewTimes.ParseOffset(s) is not null).When(r => !string.IsNullOrWhiteSpace(r.StartsAt), ApplyConditionTo.CurrentValidator)
            .WithMessage(_ => InterviewTimes.OffsetMessage);
        RuleFor(r => r.DurationMinutes).NotNull().WithMessage(_ => Texts.Get("Interviews.DurationMinutesIsRequired"))
            .InclusiveBetween(1, InterviewTimes.MaxDurationMinutes)
            .WithMessage(_ => Texts.Get("Interviews.DurationMinutesMustBeBetween1And", InterviewTimes.MaxDurationMinutes));
        RuleFor(r => r.Kind).Must(k => InterviewTimes.ParseKind(k) is not null).WithMessage(_ => InterviewTimes.KindMessage);
    }
}
