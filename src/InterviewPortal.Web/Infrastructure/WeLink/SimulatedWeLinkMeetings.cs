using System.Globalization;
using InterviewPortal.Web.Infrastructure.Meetings;
using InterviewPortal.Web.Infrastructure.Time;

namespace InterviewPortal.Web.Infrastructure.WeLink;

/// <summary>The primary meeting platform simulated: sends nothing, records every meeting, invitation and admission in the outbox.</summary>
public sealed class SimulatedWeLinkMeetings(SimulatedOutbox outbox) : IMeetingPlatform
{
    public async Task<MeetingInfo> CreateMeetingAsync(MeetingRequest request, CancellationToken ct)
    {
        var id = (900_000_000 + Random.Shared.Next(0, 99_999_999)).ToString(CultureInfo.InvariantCulture);
        var info = new MeetingInfo(id, $"https://meeting.example.invalid/j/{id}", Random.Shared.Next(100000, 999999).ToString(CultureInfo.InvariantCulture));
        await outbox.RecordAsync("Meeting", request.Subject,
            $"Create meeting {id} \"{request.Subject}\" at {BeijingTime.Format(request.StartsAtUtc)} (Beijing) for {request.DurationMinutes} min; recording {(request.Recorded ? "on" : "off")}; waiting room {(request.WaitingRoom ? "on" : "off")}", ct);
        return info;
    }

    public Task UpdateMeetingAsync(string meetingId, MeetingRequest request, CancellationToken ct) =>
        outbox.RecordAsync("Meeting", request.Subject, $"Update meeting {meetingId}: {BeijingTime.Format(request.StartsAtUtc)} (Beijing), {request.DurationMinutes} min", ct);

    public Task CancelMeetingAsync(string meetingId, CancellationToken ct) =>
        outbox.RecordAsync("Meeting", meetingId, $"Cancel meeting {meetingId}", ct);

    public async Task<string> InviteAttendeeAsync(string meetingId, Attendee attendee, CancellationToken ct)
    {
        await outbox.RecordAsync("Invitation", attendee.Phone, $"You are invited to meeting {meetingId}. Join from WeLink on your computer, then join the same meeting ID from your phone.", ct);
        return $"sim-invite-{meetingId}-{attendee.Phone[^4..]}";
    }

    public Task AdmitFromWaitingRoomAsync(string meetingId, Attendee attendee, CancellationToken ct) =>
        outbox.RecordAsync("Admission", attendee.Phone, $"Admitted {attendee.Name} from the waiting room of meeting {meetingId}", ct);

    public Task EndMeetingAsync(string meetingId, CancellationToken ct) =>
        outbox.RecordAsync("Meeting", meetingId, $"End meeting {meetingId}", ct);
}
