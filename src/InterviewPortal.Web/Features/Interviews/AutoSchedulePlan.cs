using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using InterviewPortal.Data.Interviews;
using InterviewPortal.Data.Rooms;

namespace InterviewPortal.Web.Features.Interviews;

/// <summary>How an auto-schedule run ends: <see cref="Book"/> writes; a dry run only computes and checks the plan.</summary>
/// <param name="ExpectedPlan">The <see cref="AutoSchedulePlan.Fingerprint"/> the secretary previewed; the booking refuses any other plan.</param>
public sealed record AutoScheduleRun(bool DryRun, string? ExpectedPlan = null)
{
    public static readonly AutoScheduleRun Book = new(false);
    public static readonly AutoScheduleRun Preview = new(true);

    public static AutoScheduleRun BookPreviewed(string fingerprint) => new(false, fingerprint);
}

/// <summary>
/// The slots one auto-schedule run computed for a room: the interviews it books (or would book, on a dry run, with
/// no ids yet), and a fingerprint of the plan so a booking can tell whether it is still the plan that was previewed.
/// </summary>
public sealed class AutoSchedulePlan
{
    public AutoSchedulePlan(ExamRoom room, int durationMinutes, InterviewKind kind, IEnumerable<(int CandidateId, DateTime StartsAt)> slots)
    {
        Room = room;
        // Room, duration, kind and every (candidate, start) pair: any change to what would be booked changes the text.
        var text = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"{room.Id}|{durationMinutes}|{kind}"));
        foreach (var (candidateId, startsAt) in slots)
            text.Append(CultureInfo.InvariantCulture, $"|{candidateId}@{startsAt.Ticks}");
        Fingerprint = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..32];
    }

    public ExamRoom Room { get; }

    public string Fingerprint { get; }

    /// <summary>In slot order; each carries its candidate (without the major) and the room.</summary>
    public List<Interview> Interviews { get; } = [];
}
