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

/// <summary>The WeLink (Cloud Meeting) meeting a room uses for one session day; created once, on the first invitation.</summary>
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
}

/// <summary>Which meeting platform a room's session runs on: WeLink (primary) or the university's backup (Tencent Meeting).</summary>
public enum MeetingPlatform
{
    Primary,
    Backup,
}
