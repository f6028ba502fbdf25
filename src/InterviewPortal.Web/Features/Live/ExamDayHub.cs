using InterviewPortal.Data;
using InterviewPortal.Data.Access;
using InterviewPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.Web.Features.Live;

/// <summary>
/// Push-only hub at /hubs/exam-day: on connect a staff member joins the groups of what they may watch
/// (an assistant their rooms, a secretary their college, the admin everything); <see cref="ExamDayBroadcaster"/>
/// sends "interviewChanged" with an <see cref="ExamDay.ExamDayRow"/> to those groups. Clients call nothing. The groups
/// are fixed at connect: when the account's access changes, <see cref="LiveConnections"/> closes the connection.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class ExamDayHub(IDbContextFactory<PortalDbContext> contexts, LiveConnections live) : Hub
{
    public const string Path = "/hubs/exam-day";
    public const string InterviewChanged = "interviewChanged";
    public const string RoomPlatformChanged = "roomPlatformChanged";

    public override async Task OnConnectedAsync()
    {
        var user = Context.User!;
        var userId = user.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
        IReadOnlyList<int> rooms = [];
        if (userId is not null && user.IsInRole(Data.Staff.StaffRoles.Assistant))
        {
            await using var db = contexts.CreateDbContext().WithScope(AccessScope.System);
            rooms = await db.ExamRooms.AsNoTracking().Where(r => r.AssistantUserId == userId).Select(r => r.Id).ToListAsync(Context.ConnectionAborted);
        }
        foreach (var group in ExamDayGroups.For(AccessScopes.For(user, _ => rooms)))
            await Groups.AddToGroupAsync(Context.ConnectionId, group, Context.ConnectionAborted);
        // Kept so the connection can be closed when the account's access changes (LiveSessionSweep).
        if (userId is not null)
            live.Opened(Context, userId, rooms);
        await base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        live.Closed(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }
}

public static class ExamDayGroups
{
    public const string All = "all";
    public static string Room(int roomId) => $"room:{roomId}";
    public static string College(int collegeId) => $"college:{collegeId}";

    public static IEnumerable<string> For(AccessScope scope)
    {
        if (scope.AllColleges)
            return [All];
        if (scope.CollegeId is { } college)
            return [College(college)];
        return scope.RoomIds.Select(Room);
    }
}
