using System.Collections.Concurrent;
using InterviewPortal.Web.Infrastructure.WeLink;

namespace InterviewPortal.IntegrationTests.Notifications;

/// <summary>A gateway whose messages fail while <see cref="Down"/> (WeLink down; from the start), recording when each send was tried; the rest is passed on.</summary>
public sealed class FailingSends
{
    private readonly ConcurrentQueue<DateTime> calls = new();

    public List<DateTime> Calls => [.. calls];

    /// <summary>Set to false and the messages reach the wrapped gateway again.</summary>
    public bool Down { get; set; } = true;

    public IWeLinkGateway Around(IWeLinkGateway inner) => new Gateway(inner, calls, () => Down);

    private sealed class Gateway(IWeLinkGateway inner, ConcurrentQueue<DateTime> calls, Func<bool> down) : IWeLinkGateway
    {
        public Task SendMessageAsync(CandidateMessage message, CancellationToken ct)
        {
            calls.Enqueue(DateTime.UtcNow);
            if (!down())
                return inner.SendMessageAsync(message, ct);
            throw new InvalidOperationException("WeLink is down (test).");
        }

        public Task<string?> FindUserIdByPhoneAsync(string phone, CancellationToken ct) => inner.FindUserIdByPhoneAsync(phone, ct);
        public Task<string> ProvisionDepartmentAsync(DepartmentRequest request, CancellationToken ct) => inner.ProvisionDepartmentAsync(request, ct);
        public Task<string> ProvisionAccountsAsync(IReadOnlyList<AccountRequest> accounts, CancellationToken ct) => inner.ProvisionAccountsAsync(accounts, ct);
        public Task<AccountBatchStatus> GetProvisioningStatusAsync(string taskId, CancellationToken ct) => inner.GetProvisioningStatusAsync(taskId, ct);
    }
}
