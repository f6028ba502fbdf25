using InterviewPortal.Data.Colleges;
using InterviewPortal.Data.Staff;

namespace InterviewPortal.Data.Rooms;

public class ExamRoom
{
    public int Id { get; set; }
    public int CollegeId { get; set; }
    public College College { get; set; } = null!;
    public required string Name { get; set; }

    /// <summary>The assistant staffing the room; null until staffed. One assistant may staff several rooms, never two at the same time.</summary>
    public string? AssistantUserId { get; set; }
    public StaffUser? Assistant { get; set; }

    /// <summary>Whether the room's meetings are created with cloud recording on.</summary>
    public bool RecordSessions { get; set; }

    public List<Examiner> Examiners { get; set; } = [];
    public List<RoomMeeting> Meetings { get; set; } = [];
    public Guid Version { get; set; } = Guid.NewGuid();
}

public class Examiner
{
    public int Id { get; set; }
    public int ExamRoomId { get; set; }
    public required string Name { get; set; }
}

/// <summary>
/// A room's session (one Beijing day): its WeLink (Cloud Meeting) meeting, created once on the first invitation, and,
/// once someone switched the room to the backup platform, its backup meeting, also created once.
/// </summary>
public class RoomMeeting
{
    public int Id { get; set; }
    public int ExamRoomId { get; set; }
    public ExamRoom ExamRoom { get; set; } = null!;

    /// <summary>The Beijing calendar day of the session.</summary>
    public DateOnly SessionDate { get; set; }
    public string? ConferenceId { get; set; }
    public string? JoinLink { get; set; }
    public string? HostPassword { get; set; }
    public bool Recorded { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
    public DateTime? CancelledAt { get; set; }

    /// <summary>The platform the session runs on now: invitations, admissions and the candidates' pages follow it.</summary>
    public MeetingPlatform Platform { get; set; }

    /// <summary>Counts the switches: each switch's messages to candidates are keyed by it, so each is staged once.</summary>
    public int PlatformVersion { get; set; }
    public string? BackupMeetingId { get; set; }

    /// <summary>What a person types to join the backup meeting.</summary>
    public string? BackupMeetingCode { get; set; }
    public string? BackupJoinLink { get; set; }

    /// <summary>Set by whoever creates the backup meeting (one conditional UPDATE), so two switches create it once.</summary>
    public DateTime? BackupClaimedAt { get; set; }

    /// <summary>Meeting calls for this session that failed in a row; reset by the next success. The boards warn from a threshold.</summary>
    public int ConsecutiveFailures { get; set; }
}

/// <summary>Which meeting platform a room's session runs on: WeLink (primary) or the university's backup (Tencent Meeting).</summary>
public enum MeetingPlatform
{
    Primary,
    Backup,
}
