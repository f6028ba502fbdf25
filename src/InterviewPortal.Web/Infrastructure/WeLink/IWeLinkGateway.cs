namespace InterviewPortal.Web.Infrastructure.WeLink;

/// <summary>
/// Everything the portal asks of WeLink and Huawei Cloud Meeting, in our words. Two implementations:
/// the simulated gateway (embedded default: records what it would send in the outbox) and the HTTP
/// gateway (the real APIs in welink-api.md). Callers never see a vendor shape.
/// </summary>
public interface IWeLinkGateway
{
    /// <summary>A WeLink message (card) to one candidate, addressed by mobile number.</summary>
    Task SendMessageAsync(CandidateMessage message, CancellationToken ct);

    /// <summary>The WeLink userId of an account, or null when no account has that phone.</summary>
    Task<string?> FindUserIdByPhoneAsync(string phone, CancellationToken ct);

    Task<MeetingInfo> CreateMeetingAsync(MeetingRequest request, CancellationToken ct);
    Task UpdateMeetingAsync(string conferenceId, MeetingRequest request, CancellationToken ct);
    Task CancelMeetingAsync(string conferenceId, CancellationToken ct);

    /// <summary>Invites one attendee into an existing meeting; returns the gateway's reference for the invitation.</summary>
    Task<string> InviteAttendeeAsync(string conferenceId, Attendee attendee, CancellationToken ct);

    /// <summary>Lets one attendee out of the meeting's waiting room into the meeting.</summary>
    Task AdmitFromWaitingRoomAsync(string conferenceId, Attendee attendee, CancellationToken ct);

    /// <summary>Creates (or finds) a department: a college under the root, a major under its college. Returns its id.</summary>
    Task<string> ProvisionDepartmentAsync(DepartmentRequest request, CancellationToken ct);

    /// <summary>Starts creating up to ten accounts; returns a task id to poll.</summary>
    Task<string> ProvisionAccountsAsync(IReadOnlyList<AccountRequest> accounts, CancellationToken ct);

    Task<AccountBatchStatus> GetProvisioningStatusAsync(string taskId, CancellationToken ct);
}

public sealed record CandidateMessage(string Phone, string Title, string Text, string Kind = "Message");

public sealed record MeetingRequest(string Subject, DateTime StartsAtUtc, int DurationMinutes, bool Recorded, bool WaitingRoom = true);

public sealed record MeetingInfo(string ConferenceId, string JoinLink, string? HostPassword, string? ChairJoinLink = null);

public sealed record Attendee(string Name, string Phone, string? UserId = null);

public sealed record DepartmentRequest(string Code, string Name, string? ParentId);

public sealed record AccountRequest(string Phone, string Name, string DepartmentId);

public sealed record AccountBatchStatus(bool Finished, IReadOnlyList<AccountResult> Results);

public sealed record AccountResult(string Phone, string? UserId, string? Error);
