using System.Globalization;
using InterviewPortal.Web.Features.Interviews;

namespace InterviewPortal.Web.Pages.Schedule;

/// <summary>The schedule page's forms: Beijing date and time fields that become the API's ISO start with +08:00.</summary>
public abstract class SlotForm
{
    public int? RoomId { get; set; }
    public DateOnly? Date { get; set; }
    public TimeOnly? Time { get; set; }
    public int? DurationMinutes { get; set; } = 20;
    public string? Kind { get; set; } = "Exam";

    protected string? StartsAt => Date is { } d && Time is { } t
        ? string.Create(CultureInfo.InvariantCulture, $"{d:yyyy-MM-dd}T{t:HH:mm}:00+08:00")
        : null;

    /// <summary>The request's field names that this form shows under another field.</summary>
    public static string FieldFor(string apiField) => apiField switch
    {
        "startsAt" or "firstStartsAt" => "Time",
        "candidateId" or "candidateIds" => "ExamNumbers",
        _ => char.ToUpperInvariant(apiField[0]) + apiField[1..].Split('[')[0],
    };
}

public sealed class BookForm : SlotForm
{
    public string? ExamNumbers { get; set; }

    public InterviewRequest ToRequest(int? candidateId) => new(candidateId, RoomId, StartsAt, DurationMinutes, Kind);
}

public sealed class MoveForm : SlotForm
{
    public int? InterviewId { get; set; }
    public string? ExamNumbers { get; set; }

    public InterviewRequest ToRequest(int? candidateId) => new(candidateId, RoomId, StartsAt, DurationMinutes, Kind);
}
