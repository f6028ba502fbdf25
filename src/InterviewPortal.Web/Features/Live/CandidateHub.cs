using InterviewPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace InterviewPortal.Web.Features.Live;

/// <summary>
/// Push-only hub at /hubs/me for a candidate's own page: on connect the candidate joins their own group, and
/// <see cref="CandidateLive"/> tells it when where to join changed (a room switched platform). Clients call nothing.
/// </summary>
[Authorize(Policy = Policies.Candidate)]
public sealed class CandidateHub : Hub
{
    public const string Path = "/hubs/me";
    public const string MeetingChanged = "meetingChanged";

    public static string Group(int candidateId) => $"candidate:{candidateId}";

    public override async Task OnConnectedAsync()
    {
        if (int.TryParse(Context.User?.FindFirst(PortalClaims.CandidateId)?.Value, out var candidateId))
            await Groups.AddToGroupAsync(Context.ConnectionId, Group(candidateId), Context.ConnectionAborted);
        await base.OnConnectedAsync();
    }
}

/// <summary>Tells candidates' open pages what changed for them. Call it after the change is committed; a failed push is logged, never thrown.</summary>
public sealed class CandidateLive(IHubContext<CandidateHub> hub, ILogger<CandidateLive> log)
{
    public async Task MeetingChangedAsync(IReadOnlyCollection<int> candidateIds, object meeting, CancellationToken ct)
    {
        try
        {
            await hub.Clients.Groups(candidateIds.Select(CandidateHub.Group).ToList()).SendAsync(CandidateHub.MeetingChanged, meeting, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning(e, "Could not push the meeting change to {Count} candidates' pages", candidateIds.Count);
        }
    }
}
