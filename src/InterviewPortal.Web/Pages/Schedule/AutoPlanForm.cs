using System.Globalization;
using InterviewPortal.Web.Features.Interviews;

namespace InterviewPortal.Web.Pages.Schedule;

/// <summary>The auto-schedule preview's inputs (those of <see cref="AutoScheduleRequest"/>, with a Beijing date and time).</summary>
public sealed class AutoPlanForm
{
    public int? RoomId { get; set; }
    public int? MajorId { get; set; }

    /// <summary>Exam numbers, one a line or separated by commas; empty means the whole major.</summary>
    public string? ExamNumbers { get; set; }
    public DateOnly? Date { get; set; }
    public TimeOnly? Time { get; set; }
    public int? DurationMinutes { get; set; } = 20;
    public int? BreakMinutes { get; set; } = 5;
    public string? Kind { get; set; } = "Exam";

    public IReadOnlyList<string> ExamNumberList =>
        (ExamNumbers ?? "").Split(['\n', ',', '，', ' ', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public AutoScheduleRequest ToRequest(IReadOnlyList<int>? candidateIds) =>
        new(candidateIds, candidateIds is null ? MajorId : null, FirstStartsAt, DurationMinutes, BreakMinutes, Kind);

    private string? FirstStartsAt => Date is { } d && Time is { } t
        ? string.Create(CultureInfo.InvariantCulture, $"{d:yyyy-MM-dd}T{t:HH:mm}:00+08:00")
        : null;

    /// <summary>The form field that shows an error about one of the request's (camelCase) fields.</summary>
    public static string FieldFor(string apiField) => apiField switch
    {
        "firstStartsAt" => nameof(Time),
        "candidateIds" => nameof(ExamNumbers),
        _ => char.ToUpperInvariant(apiField[0]) + apiField[1..].Split('[')[0],
    };
}

/// <summary>One block the preview shows: when, who, which major.</summary>
public sealed record PlannedBlock(DateTime StartsAt, DateTime EndsAt, string ExamNumber, string CandidateName, string Major);
