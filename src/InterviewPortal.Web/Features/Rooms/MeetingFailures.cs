using InterviewPortal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InterviewPortal.Web.Features.Rooms;

/// <summary>Meetings:FailuresBeforeSuggestingSwitch: how many meeting calls for a room session may fail in a row before the boards suggest switching.</summary>
public sealed class MeetingTroubleOptions
{
    public int FailuresBeforeSuggestingSwitch { get; set; } = 3;
}

/// <summary>
/// Counts a room session's meeting calls that failed in a row (one set-based UPDATE each, so parallel invitation jobs
/// count every failure) and resets the count on the next success. The switch stays a person's decision: the count only
/// makes the console and the college board suggest it.
/// </summary>
public sealed class MeetingFailures(PortalDbContext db, IOptions<MeetingTroubleOptions> options)
{
    public int Threshold => Math.Max(1, options.Value.FailuresBeforeSuggestingSwitch);

    public bool SuggestsSwitch(int consecutiveFailures) => consecutiveFailures >= Threshold;

    public Task FailedAsync(int roomMeetingId, CancellationToken ct) =>
        db.RoomMeetings.IgnoreQueryFilters().Where(m => m.Id == roomMeetingId)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ConsecutiveFailures, m => m.ConsecutiveFailures + 1), ct);

    public Task SucceededAsync(int roomMeetingId, CancellationToken ct) =>
        db.RoomMeetings.IgnoreQueryFilters().Where(m => m.Id == roomMeetingId && m.ConsecutiveFailures != 0)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ConsecutiveFailures, 0), ct);
}
