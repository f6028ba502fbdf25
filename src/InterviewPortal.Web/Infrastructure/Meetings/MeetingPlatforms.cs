using InterviewPortal.Data.Rooms;

namespace InterviewPortal.Web.Infrastructure.Meetings;

/// <summary>The meeting platform a room's session runs on, chosen by the room (primary WeLink or the configured backup).</summary>
public sealed class MeetingPlatforms(IServiceProvider services)
{
    public IMeetingPlatform For(MeetingPlatform platform) => services.GetRequiredKeyedService<IMeetingPlatform>(platform);
}
