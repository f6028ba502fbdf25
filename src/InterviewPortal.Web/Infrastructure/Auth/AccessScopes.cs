using System.Security.Claims;
using InterviewPortal.Data;
using InterviewPortal.Data.Access;
using InterviewPortal.Data.Staff;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.Web.Infrastructure.Auth;

/// <summary>Builds the caller's <see cref="AccessScope"/> from the claims that sign-in put on the principal.</summary>
public static class AccessScopes
{
    public static AccessScope For(HttpContext? http, IDbContextFactory<PortalDbContext> contexts)
    {
        // No request (a background job, start-up): the system acts.
        if (http is null)
            return AccessScope.System;
        return For(http.User, userId => AssistantRoomIds(contexts, userId));
    }

    public static AccessScope For(ClaimsPrincipal user, Func<string, IReadOnlyList<int>> assistantRooms)
    {
        if (user.Identity?.IsAuthenticated != true)
            return AccessScope.Nobody;
        var name = user.Identity.Name ?? "unknown";
        if (user.IsInRole(StaffRoles.Admin))
            return AccessScope.Admin(name);
        if (user.IsInRole(StaffRoles.Secretary) && int.TryParse(user.FindFirstValue(PortalClaims.CollegeId), out var collegeId))
            return AccessScope.Secretary(name, collegeId);
        if (user.IsInRole(StaffRoles.Assistant) && user.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId)
            return AccessScope.Assistant(name, userId, assistantRooms(userId));
        if (user.IsInRole(CandidateRole.Name) && int.TryParse(user.FindFirstValue(PortalClaims.CandidateId), out var candidateId))
            return AccessScope.Candidate(candidateId);
        return AccessScope.Nobody;
    }

    /// <summary>Read per request, so a room handed to another assistant changes the scope at once.</summary>
    private static IReadOnlyList<int> AssistantRoomIds(IDbContextFactory<PortalDbContext> contexts, string userId)
    {
        using var db = contexts.CreateDbContext().WithScope(AccessScope.System);
        return db.ExamRooms.AsNoTracking().Where(r => r.AssistantUserId == userId).Select(r => r.Id).ToList();
    }
}

public static class PortalClaims
{
    public const string CollegeId = "college_id";
    public const string CandidateId = "candidate_id";

    /// <summary>The candidate's <see cref="Data.Candidates.Candidate.SessionStamp"/> when the session was issued.</summary>
    public const string SessionStamp = "session_stamp";

    /// <summary>When the bearer session was first signed in (Unix seconds), carried across refreshes to cap its life.</summary>
    public const string SignedInAt = "auth_time";
}
