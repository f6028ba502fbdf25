namespace InterviewPortal.Web.Infrastructure.WeLink;

/// <summary>
/// What the portal asks of WeLink besides meetings (messages and the address book), in our words; meetings go
/// through <see cref="Meetings.IMeetingPlatform"/>. Two implementations:
/// the simulated gateway (embedded default: records what it would send in the outbox) and the HTTP
/// gateway (the real APIs in welink-api.md). Callers never see a vendor shape.
/// </summary>
public interface IWeLinkGateway
{
    /// <summary>A WeLink message (card) to one candidate, addressed by mobile number.</summary>
    Task SendMessageAsync(CandidateMessage message, CancellationToken ct);

    /// <summary>The WeLink userId of an account, or null when no account has that phone.</summary>
    Task<string?> FindUserIdByPhoneAsync(string phone, CancellationToken ct);

    /// <summary>Creates (or finds) a department: a college under the root, a major under its college. Returns its id.</summary>
    Task<string> ProvisionDepartmentAsync(DepartmentRequest request, CancellationToken ct);

    /// <summary>Starts creating up to ten accounts; returns a task id to poll.</summary>
    Task<string> ProvisionAccountsAsync(IReadOnlyList<AccountRequest> accounts, CancellationToken ct);

    Task<AccountBatchStatus> GetProvisioningStatusAsync(string taskId, CancellationToken ct);
}

public sealed record CandidateMessage(string Phone, string Title, string Text, string Kind = "Message");

public sealed record DepartmentRequest(string Code, string Name, string? ParentId);

public sealed record AccountRequest(string Phone, string Name, string DepartmentId);

public sealed record AccountBatchStatus(bool Finished, IReadOnlyList<AccountResult> Results);

public sealed record AccountResult(string Phone, string? UserId, string? Error);
