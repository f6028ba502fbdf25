using InterviewPortal.Data.Rooms;
using Microsoft.Extensions.Options;

namespace InterviewPortal.Web.Infrastructure.Meetings;

/// <summary>The meeting platform a room's session runs on, chosen by the room (primary WeLink or the configured backup).</summary>
public sealed class MeetingPlatforms(IServiceProvider services, IOptions<BackupMeetingOptions> backup)
{
    public const string PrimaryName = "WeLink";

    /// <summary>False when no backup platform is configured: the switch is then not offered.</summary>
    public bool BackupOffered => backup.Value.Platform != BackupPlatformKind.None;

    public IMeetingPlatform For(MeetingPlatform platform) => services.GetRequiredKeyedService<IMeetingPlatform>(platform);

    /// <summary>The platform's name as the API and the pages show it.</summary>
    public string NameOf(MeetingPlatform platform) => platform == MeetingPlatform.Backup ? backup.Value.Name : PrimaryName;
}
