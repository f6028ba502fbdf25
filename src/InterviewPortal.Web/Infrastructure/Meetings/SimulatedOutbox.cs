using InterviewPortal.Data;
using InterviewPortal.Data.Access;
using InterviewPortal.Data.Notifications;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.Web.Infrastructure.Meetings;

/// <summary>
/// Where the simulated gateways write what they would have sent (the outbox table the admin reads). Through a
/// context of its own so a caller's failed transaction cannot hide what was "sent".
/// </summary>
public sealed class SimulatedOutbox(IDbContextFactory<PortalDbContext> contexts, TimeProvider clock)
{
    public async Task RecordAsync(string kind, string recipient, string text, CancellationToken ct)
    {
        await using var db = contexts.CreateDbContext().WithScope(AccessScope.System);
        db.GatewayOutbox.Add(new GatewayRecord { Kind = kind, Recipient = recipient, Text = text, CreatedAt = clock.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(ct);
    }
}
