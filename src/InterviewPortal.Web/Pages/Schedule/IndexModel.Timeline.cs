using InterviewPortal.Data.Interviews;
using InterviewPortal.Web.Features.Interviews;
using InterviewPortal.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.Web.Pages.Schedule;

/// <summary>An interview the page is moving or asking to cancel, as the banner and the confirmation name it.</summary>
public sealed record PickedInterview(int Id, int CandidateId, string ExamNumber, string CandidateName, int RoomId, string RoomName,
    DateTime StartsAt, int DurationMinutes, InterviewKind Kind, InterviewStatus Status);

/// <summary>What the timeline page shows: the days, the unscheduled candidates, and the interview being moved or cancelled.</summary>
public partial class IndexModel
{
    /// <summary>Slots are as long as a booking's default (the book form's 20 minutes), or as the interview being moved.</summary>
    public const int DefaultSlotMinutes = 20;

    public IReadOnlyList<TimelineDay> Timeline { get; private set; } = [];
    public IReadOnlyList<UnscheduledCandidate> Unscheduled { get; private set; } = [];
    public int UnscheduledTotal { get; private set; }
    public PickedInterview? Moving { get; private set; }
    public PickedInterview? Cancelling { get; private set; }
    public UnscheduledCandidate? Chosen { get; private set; }
    public int SlotMinutes { get; private set; } = DefaultSlotMinutes;
    public List<(int Id, string Name)> RoomChoices { get; private set; } = [];

    public IEnumerable<RoomSchedule> Rooms => Timeline.Count == 0 ? [] : Timeline[0].Rooms.Select(r => r.Room);

    /// <summary>The query of this view, for links that keep it (day, days, room, search).</summary>
    public Dictionary<string, string?> Route(DateOnly? day = null, int? move = null, int? cancel = null, int? candidate = null) => new()
    {
        ["date"] = (day ?? Day).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["days"] = DayCount == 1 ? null : DayCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["roomId"] = RoomId?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["q"] = string.IsNullOrWhiteSpace(Query) ? null : Query,
        ["move"] = move?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["cancel"] = cancel?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["candidate"] = candidate?.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private Task<PickedInterview?> LoadMovingAsync(int id, CancellationToken ct) =>
        db.Interviews.AsNoTracking().Where(i => i.Id == id)
            .Select(i => new PickedInterview(i.Id, i.CandidateId, i.Candidate.ExamNumber, i.Candidate.Name, i.ExamRoomId, i.ExamRoom.Name,
                i.StartsAt, i.DurationMinutes, i.Kind, i.Status))
            .FirstOrDefaultAsync(ct);

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (Move.InterviewId is { } moveId && Moving?.Id != moveId)
            Moving = await LoadMovingAsync(moveId, ct);
        var roomCollege = RoomId is { } roomId
            ? await db.ExamRooms.AsNoTracking().Where(r => r.Id == roomId).Select(r => (int?)r.CollegeId).FirstOrDefaultAsync(ct)
            : null;
        if (RoomId is not null && roomCollege is null)
            return false;

        (Unscheduled, UnscheduledTotal) = await unscheduled.HandleAsync(roomCollege ?? db.Scope.CollegeId, Query, ct);
        var chosenId = CandidateId;
        if (chosenId is null && !string.IsNullOrWhiteSpace(Book.ExamNumbers))
            chosenId = await db.Candidates.Where(c => c.ExamNumber == Book.ExamNumbers.Trim()).Select(c => (int?)c.Id).FirstOrDefaultAsync(ct);
        Chosen = chosenId is null ? null : Unscheduled.FirstOrDefault(c => c.Id == chosenId)
            ?? await db.Candidates.AsNoTracking().Where(c => c.Id == chosenId)
                .Select(c => new UnscheduledCandidate(c.Id, c.ExamNumber, c.Name, c.Major.Code, c.Major.Name)).FirstOrDefaultAsync(ct);

        SlotMinutes = Moving?.DurationMinutes ?? (Book.DurationMinutes is >= 5 and <= InterviewTimes.MaxDurationMinutes ? Book.DurationMinutes.Value : DefaultSlotMinutes);
        Timeline = await timeline.HandleAsync(new TimelineRequest(RoomId, Day, DayCount, SlotMinutes, Moving?.CandidateId ?? Chosen?.Id, Moving?.Id), ct);

        RoomChoices = (await db.ExamRooms.AsNoTracking().OrderBy(r => r.Name).Select(r => new { r.Id, r.Name }).ToListAsync(ct)).Select(r => (r.Id, r.Name)).ToList();
        return true;
    }

    public static string Clock(DateTime utc) => BeijingTime.ToLocal(utc).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    public static string SlotValue(FreeSlot slot) =>
        $"{slot.RoomId}|{BeijingTime.ToLocal(slot.StartsAt).ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture)}";
}
