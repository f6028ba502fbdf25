using System.Globalization;
using InterviewPortal.Data;
using InterviewPortal.Data.Access;
using InterviewPortal.Data.Notifications;
using InterviewPortal.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.Web.Infrastructure.WeLink;

/// <summary>
/// The embedded default: sends nothing, records every message, meeting, invitation, admission and
/// account it would have sent in the outbox table, where the admin (and the demo's candidates,
/// for their sign-in codes) can read it. Writes through its own context so a caller's failed
/// transaction cannot hide what was "sent".
/// </summary>
public sealed class SimulatedWeLinkGateway(IDbContextFactory<PortalDbContext> contexts, TimeProvider clock) : IWeLinkGateway
{
    public Task SendMessageAsync(CandidateMessage message, CancellationToken ct) =>
        RecordAsync(message.Kind, message.Phone, $"{message.Title}\n{message.Text}", ct);

    public async Task<string?> FindUserIdByPhoneAsync(string phone, CancellationToken ct)
    {
        await using var db = contexts.CreateDbContext().WithScope(AccessScope.System);
        return await db.Candidates.IgnoreQueryFilters().AnyAsync(c => c.Phone == phone, ct) ? SimulatedUserId(phone) : null;
    }

    public async Task<string> ProvisionDepartmentAsync(DepartmentRequest request, CancellationToken ct)
    {
        await RecordAsync("Department", request.Code, $"Department {request.Code} {request.Name} under {request.ParentId ?? "root"}", ct);
        return $"sim-dept-{request.Code}";
    }

    public async Task<string> ProvisionAccountsAsync(IReadOnlyList<AccountRequest> accounts, CancellationToken ct)
    {
        foreach (var account in accounts)
            await RecordAsync("Account", account.Phone, $"WeLink account for {account.Name} in department {account.DepartmentId}", ct);
        return "sim-task-" + string.Join('-', accounts.Select(a => a.Phone));
    }

    public Task<AccountBatchStatus> GetProvisioningStatusAsync(string taskId, CancellationToken ct)
    {
        var phones = taskId.StartsWith("sim-task-", StringComparison.Ordinal) ? taskId["sim-task-".Length..].Split('-', StringSplitOptions.RemoveEmptyEntries) : [];
        return Task.FromResult(new AccountBatchStatus(true, phones.Select(p => new AccountResult(p, SimulatedUserId(p), null)).ToList()));
    }

    private static string SimulatedUserId(string phone) => $"sim-{phone}";

    private async Task RecordAsync(string kind, string recipient, string text, CancellationToken ct)
    {
        await using var db = contexts.CreateDbContext().WithScope(AccessScope.System);
        db.GatewayOutbox.Add(new GatewayRecord { Kind = kind, Recipient = recipient, Text = text, CreatedAt = clock.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(ct);
    }
}
