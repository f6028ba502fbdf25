using System.Globalization;
using System.Text.RegularExpressions;
using FluentValidation;
using InterviewPortal.Data.Interviews;
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

    public const string OffsetMessage = "Give the start as ISO 8601 with an offset, e.g. 2027-03-20T09:00:00+08:00.";
    public const string KindMessage = "kind must be Exam or Rehearsal.";

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$", RegexOptions.IgnoreCase)]
    private static partial Regex IsoWithOffset();
}

public sealed class InterviewRequestValidator : AbstractValidator<InterviewRequest>
{
    public InterviewRequestValidator()
    {
        RuleFor(r => r.CandidateId).NotNull().WithMessage("candidateId is required.").GreaterThan(0);
        RuleFor(r => r.RoomId).NotNull().WithMessage("roomId is required.").GreaterThan(0);
        RuleFor(r => r.StartsAt).NotEmpty().WithMessage("startsAt is required.")
            .Must(s => InterviewTimes.ParseOffset(s) is not null).When(r => !string.IsNullOrWhiteSpace(r.StartsAt), ApplyConditionTo.CurrentValidator)
            .WithMessage(InterviewTimes.OffsetMessage);
        RuleFor(r => r.DurationMinutes).NotNull().WithMessage("durationMinutes is required.")
            .InclusiveBetween(1, InterviewTimes.MaxDurationMinutes)
            .WithMessage($"durationMinutes must be between 1 and {InterviewTimes.MaxDurationMinutes}.");
        RuleFor(r => r.Kind).Must(k => InterviewTimes.ParseKind(k) is not null).WithMessage(InterviewTimes.KindMessage);
    }
}
