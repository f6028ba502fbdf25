using System.Net;
using InterviewPortal.Data.Audit;
using InterviewPortal.Data.Requests;
using InterviewPortal.IntegrationTests.CandidateAuth;
using InterviewPortal.IntegrationTests.Infrastructure;
using InterviewPortal.IntegrationTests.Verifications;
using InterviewPortal.Web.Infrastructure.Database;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewPortal.IntegrationTests.Me;

/// <summary>
/// A phone-change request and its audit entry land together: both committed or neither, both stamped by the
/// portal's clock. The portal here runs two hours ahead of the machine and can be told to fail the audit write.
/// </summary>
public abstract class PhoneChangeAuditTests(PhoneChangeAuditPortal portal)
{
    private const string Action = "phone-change.requested";

    [Fact]
    public async Task The_request_and_its_audit_entry_are_stored_together_at_the_portals_time()
    {
        var candidate = await PhoneChangeKit.CandidateOfAsync(portal, "secretary1", 2);
        var client = await portal.ClientForCandidateAsync(candidate);

        var before = DateTime.UtcNow;
        var id = await PhoneChangeKit.FileAsync(client);
        var after = DateTime.UtcNow;

        var request = await portal.WithDbAsync(db => db.PhoneChangeRequests.AsNoTracking().SingleAsync(r => r.Id == id));
        var audit = Assert.Single(await portal.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.Action == Action && a.EntityId == id.ToString()).ToListAsync()));
        Assert.Equal((nameof(PhoneChangeRequest), $"candidate:{candidate.Id}"), (audit.Entity, audit.Actor));
        Assert.Equal(request.CreatedAt, audit.At);
        // The portal's clock, not the machine's: the machine's would be two hours earlier.
        Assert.InRange(audit.At, before + PhoneChangeAuditPortal.Ahead, after + PhoneChangeAuditPortal.Ahead);
    }

    [Fact]
    public async Task When_the_audit_entry_cannot_be_written_no_request_and_no_scan_is_left()
    {
        var candidate = await PhoneChangeKit.CandidateOfAsync(portal, "secretary1", 3);
        var client = await portal.ClientForCandidateAsync(candidate);
        var scans = portal.StoredScanCount();

        portal.AuditFails = true;
        HttpResponseMessage response;
        try
        {
            response = await client.PostAsync("/api/v1/me/phone-change-requests",
                PhoneChangeKit.Form(PhoneChangeKit.FreshPhone(), "原号码已停用", TestPhotos.Jpeg(), TestPhotos.Png()));
        }
        finally
        {
            portal.AuditFails = false;
        }

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.False(await portal.WithDbAsync(db => db.PhoneChangeRequests.AnyAsync(r => r.CandidateId == candidate.Id)));
        Assert.False(await portal.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == Action && a.Actor == $"candidate:{candidate.Id}")));
        Assert.Equal(scans, portal.StoredScanCount());

        // Nothing half-written blocks the next try: no open request is left to answer 409.
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync("/api/v1/me/phone-change-requests",
            PhoneChangeKit.Form(PhoneChangeKit.FreshPhone(), "原号码已停用", TestPhotos.Jpeg(), TestPhotos.Png()))).StatusCode);
    }
}

/// <summary>The demo portal with its clock two hours ahead and an audit write that a test can make fail.</summary>
public class PhoneChangeAuditPortal(DatabaseProvider provider) : PortalFactory(provider)
{
    public static readonly TimeSpan Ahead = TimeSpan.FromHours(2);

    public volatile bool AuditFails;

    public int StoredScanCount() =>
        Directory.Exists(Path.Combine(Database.Folder, "protected")) ? Directory.GetFiles(Path.Combine(Database.Folder, "protected")).Length : 0;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        var clock = new ShiftableClock();
        clock.Advance(Ahead);
        builder.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock).AddSingleton<IInterceptor>(new FailingAuditWrite(this)));
    }

    private sealed class FailingAuditWrite(PhoneChangeAuditPortal portal) : SaveChangesInterceptor
    {
        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken ct = default)
        {
            if (portal.AuditFails && eventData.Context!.ChangeTracker.Entries<AuditEntry>().Any(e => e.State == EntityState.Added && e.Entity.Action == "phone-change.requested"))
                throw new InvalidOperationException("Simulated failure writing the audit entry.");
            return base.SavingChangesAsync(eventData, result, ct);
        }
    }
}

public sealed class SqlitePhoneChangeAuditPortal() : PhoneChangeAuditPortal(DatabaseProvider.Sqlite);

public sealed class PostgresPhoneChangeAuditPortal() : PhoneChangeAuditPortal(DatabaseProvider.PostgreSql);

public sealed class PhoneChangeAuditSqliteTests(SqlitePhoneChangeAuditPortal portal) : PhoneChangeAuditTests(portal), IClassFixture<SqlitePhoneChangeAuditPortal>;

public sealed class PhoneChangeAuditPostgresTests(PostgresPhoneChangeAuditPortal portal) : PhoneChangeAuditTests(portal), IClassFixture<PostgresPhoneChangeAuditPortal>;
