using System.Globalization;
using InterviewPortal.Web.Infrastructure.Time;

namespace InterviewPortal.Web.Infrastructure.Meetings.Tencent;

/// <summary>The backup platform simulated (and the demo's backup): sends nothing, records every call in the outbox.</summary>
public sealed class SimulatedTencentMeetings(SimulatedOutbox outbox) : IMeetingPlatform, IWaitingRoom
{
    /// <summary>Nobody really waits in a simulated meeting.</summary>
    public Task<IReadOnlyList<WaitingPerson>> WaitingAsync(string meetingId, CancellationToken ct) => Task.FromResult<IReadOnlyList<WaitingPerson>>([]);

    public async Task<MeetingInfo> CreateMeetingAsync(MeetingRequest request, CancellationToken ct)
    {
        var id = Random.Shared.NextInt64(10_000_000_000, 99_999_999_999).ToString(CultureInfo.InvariantCulture);
        var code = Random.Shared.Next(100_000_000, 999_999_999).ToString(CultureInfo.InvariantCulture);
        await outbox.RecordAsync("Meeting", request.Subject,
            $"Tencent Meeting: create meeting {code} \"{request.Subject}\" at {BeijingTime.Format(request.StartsAtUtc)} (Beijing) for {request.DurationMinutes} min; recording {(request.Recorded ? "cloud" : "off")}; waiting room {(request.WaitingRoom ? "on" : "off")}", ct);
        return new MeetingInfo(id, $"https://meeting.tencent.com/dm/sim{code}", null, null, code);
    }

    public Task UpdateMeetingAsync(string meetingId, MeetingRequest request, CancellationToken ct) =>
        outbox.RecordAsync("Meeting", request.Subject, $"Tencent Meeting: update meeting {meetingId}: {BeijingTime.Format(request.StartsAtUtc)} (Beijing), {request.DurationMinutes} min", ct);

    public Task CancelMeetingAsync(string meetingId, CancellationToken ct) =>
        outbox.RecordAsync("Meeting", meetingId, $"Tencent Meeting: cancel meeting {meetingId}", ct);

    public Task EndMeetingAsync(string meetingId, CancellationToken ct) =>
        outbox.RecordAsync("Meeting", meetingId, $"Tencent Meeting: end meeting {meetingId}", ct);

    public Task<string> InviteAttendeeAsync(string meetingId, Attendee attendee, CancellationToken ct) =>
        Task.FromResult($"sim-tencent-{meetingId}-{attendee.ExamNumber ?? attendee.Phone[^4..]}");

    public Task AdmitFromWaitingRoomAsync(string meetingId, Attendee attendee, CancellationToken ct) =>
        outbox.RecordAsync("Admission", attendee.Phone, $"Tencent Meeting: admitted {attendee.Name} ({attendee.ExamNumber}) from the waiting room of meeting {meetingId}", ct);
}
