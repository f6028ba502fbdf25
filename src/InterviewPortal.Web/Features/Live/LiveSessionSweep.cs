using InterviewPortal.Data;
using InterviewPortal.Data.Access;
using InterviewPortal.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InterviewPortal.Web.Features.Live;

/// <summary>
/// Every Auth:StampCheckSeconds (at most 60 s) re-reads, for each account with a live connection on this node, its
/// stamp and disabled state, and an assistant's rooms: a connection whose account's sessions ended (a change saved on
/// another node) or whose rooms changed is closed. Changes saved on this node close connections at once
/// (<see cref="SessionStamps.StaffRevoked"/>); this sweep is what bounds the rest.
/// </summary>
public sealed class LiveSessionSweep(
    LiveConnections connections, SessionStamps stamps, IDbContextFactory<PortalDbContext> contexts,
    IOptions<SessionLimits> options, TimeProvider clock, ILogger<LiveSessionSweep> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        stamps.StaffRevoked += connections.CloseAll;
        try
        {
            var period = TimeSpan.FromSeconds(Math.Clamp(options.Value.StampCheckSeconds, 1, 60));
            using var timer = new PeriodicTimer(period, clock);
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await SweepAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    log.LogWarning(e, "Could not check the live connections' sessions; trying again next round");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            stamps.StaffRevoked -= connections.CloseAll;
        }
    }

    public async Task SweepAsync(CancellationToken ct)
    {
        var open = connections.Snapshot();
        if (open.Count == 0)
            return;
        var assistants = open.Where(c => c.Context.User?.IsInRole(Data.Staff.StaffRoles.Assistant) == true).Select(c => c.UserId).Distinct().ToList();
        Dictionary<string, HashSet<int>> rooms = [];
        if (assistants.Count > 0)
        {
            await using var db = contexts.CreateDbContext().WithScope(AccessScope.System);
            var staffed = await db.ExamRooms.AsNoTracking().Where(r => r.AssistantUserId != null && assistants.Contains(r.AssistantUserId))
                .Select(r => new { r.Id, r.AssistantUserId }).ToListAsync(ct);
            rooms = staffed.GroupBy(r => r.AssistantUserId!).ToDictionary(g => g.Key, g => g.Select(r => r.Id).ToHashSet());
        }
        foreach (var byUser in open.GroupBy(c => c.UserId))
        {
            // The first look per account reads the database; the others (another tab, maybe an older sign-in) reuse it.
            var fresh = true;
            foreach (var connection in byUser)
            {
                var current = connection.Context.User is { } user && await stamps.IsCurrentAsync(user, fresh, ct);
                fresh = false;
                if (!current)
                    connections.Close(connection, "the account's sessions ended");
                else if (assistants.Contains(connection.UserId) && !connection.Rooms.SetEquals(rooms.GetValueOrDefault(connection.UserId) ?? []))
                    connections.Close(connection, "the assistant's rooms changed");
            }
        }
    }
}
