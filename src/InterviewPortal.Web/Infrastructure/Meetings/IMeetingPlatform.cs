namespace InterviewPortal.Web.Infrastructure.Meetings;

/// <summary>
/// What the portal asks of a meeting platform, in our words: the primary one (WeLink / Huawei Cloud Meeting) and
/// the backup the university names (Tencent Meeting). Messages and the address book are not here: they stay
/// WeLink's (<see cref="WeLink.IWeLinkGateway"/>). Each platform has an HTTP and a simulated implementation.
/// </summary>
public interface IMeetingPlatform
{
    Task<MeetingInfo> CreateMeetingAsync(MeetingRequest request, CancellationToken ct);
    Task UpdateMeetingAsync(string meetingId, MeetingRequest request, CancellationToken ct);

    /// <summary>Cancels a meeting that has not started.</summary>
    Task CancelMeetingAsync(string meetingId, CancellationToken ct);

    /// <summary>Ends a meeting, running or not.</summary>
    Task EndMeetingAsync(string meetingId, CancellationToken ct);

    /// <summary>Invites one attendee into an existing meeting; returns the platform's reference for the invitation.</summary>
    Task<string> InviteAttendeeAsync(string meetingId, Attendee attendee, CancellationToken ct);

    /// <summary>Lets one attendee (and only them) out of the meeting's waiting room into the meeting.</summary>
    Task AdmitFromWaitingRoomAsync(string meetingId, Attendee attendee, CancellationToken ct);
}

/// <summary>A platform whose waiting room the assistant can look into (Tencent Meeting): who waits, to admit only the candidate named for the slot.</summary>
public interface IWaitingRoom
{
    Task<IReadOnlyList<Tencent.WaitingPerson>> WaitingAsync(string meetingId, CancellationToken ct);
}

public sealed record MeetingRequest(string Subject, DateTime StartsAtUtc, int DurationMinutes, bool Recorded, bool WaitingRoom = true);

/// <param name="MeetingCode">What a person types to join; the conference ID where the platform has no separate code.</param>
public sealed record MeetingInfo(string ConferenceId, string JoinLink, string? HostPassword, string? ChairJoinLink = null, string? MeetingCode = null)
{
    public string Code => MeetingCode ?? ConferenceId;
}

/// <param name="ExamNumber">Where the platform matches people by the display name they type ("exam number + name").</param>
public sealed record Attendee(string Name, string Phone, string? UserId = null, string? ExamNumber = null);

/// <summary>A platform's refusal in our words: <see cref="Code"/> is the platform's code; <see cref="Rationed"/> when
/// the platform refuses to create more meetings for a while (retrying at once cannot help; a person must know).</summary>
public sealed class MeetingPlatformException(string code, string message, bool rationed = false) : Exception(message)
{
    public string Code { get; } = code;
    public bool Rationed { get; } = rationed;
}
