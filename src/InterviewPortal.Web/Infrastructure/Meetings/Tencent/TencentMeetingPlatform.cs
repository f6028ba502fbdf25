using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace InterviewPortal.Web.Infrastructure.Meetings.Tencent;

/// <summary>
/// The backup meeting platform over HTTP: Tencent Meeting (backup-meeting-api.md). One scheduled meeting per room
/// session, waiting room on, candidates never as guests (guests skip the password and the waiting room), recorded in
/// the cloud where the room records. Candidates are outside the enterprise, so nobody is "invited" by the API: they
/// join with the meeting code on their page and are admitted one by one, matched by the display name they type.
/// </summary>
public sealed class TencentMeetingPlatform(TencentMeetingApi api, IOptions<BackupMeetingOptions> options) : IMeetingPlatform, IWaitingRoom
{
    private string User => options.Value.UserId!;

    public async Task<MeetingInfo> CreateMeetingAsync(MeetingRequest request, CancellationToken ct)
    {
        var node = await api.SendAsync(HttpMethod.Post, "/v1/meetings", new
        {
            userid = User,
            instanceid = 1,
            subject = Utf8Prefix(request.Subject, 512),
            type = 0,
            start_time = Unix(request.StartsAtUtc),
            end_time = Unix(request.StartsAtUtc.AddMinutes(request.DurationMinutes)),
            time_zone = "Asia/Shanghai",
            settings = new
            {
                auto_in_waiting_room = request.WaitingRoom,
                allow_in_before_host = true,
                mute_enable_join = true,
                only_user_join_type = 1,
                auto_record_type = request.Recorded ? "cloud" : "none",
                participant_join_auto_record = request.Recorded,
            },
        }, ct);
        var meeting = (node?["meeting_info_list"] as JsonArray)?.FirstOrDefault()
            ?? throw new MeetingPlatformException("no-meeting", "The creation answer has no meeting.");
        var id = meeting["meeting_id"]?.ToString() ?? throw new MeetingPlatformException("no-meeting", "The creation answer has no meeting_id.");
        return new MeetingInfo(id, meeting["join_url"]?.ToString() ?? "", null, null, meeting["meeting_code"]?.ToString());
    }

    public Task UpdateMeetingAsync(string meetingId, MeetingRequest request, CancellationToken ct) =>
        api.SendAsync(HttpMethod.Put, $"/v1/meetings/{Uri.EscapeDataString(meetingId)}", new
        {
            userid = User,
            instanceid = 1,
            subject = Utf8Prefix(request.Subject, 512),
            start_time = Unix(request.StartsAtUtc),
            end_time = Unix(request.StartsAtUtc.AddMinutes(request.DurationMinutes)),
        }, ct);

    public async Task CancelMeetingAsync(string meetingId, CancellationToken ct)
    {
        try
        {
            await api.SendAsync(HttpMethod.Post, $"/v1/meetings/{Uri.EscapeDataString(meetingId)}/cancel", new { userid = User, instanceid = 1, reason_code = 1 }, ct);
        }
        catch (MeetingPlatformException e) when (e.Code == "9007")
        {
            // already cancelled: what we wanted
        }
    }

    public Task EndMeetingAsync(string meetingId, CancellationToken ct) =>
        api.SendAsync(HttpMethod.Post, $"/v1/meetings/{Uri.EscapeDataString(meetingId)}/dismiss",
            new { operator_id = User, operator_id_type = 1, instanceid = 1, reason_code = 1 }, ct);

    // Nothing to call: the candidate's page and message carry the meeting code; admission is the waiting-room call.
    public Task<string> InviteAttendeeAsync(string meetingId, Attendee attendee, CancellationToken ct) =>
        Task.FromResult($"tencent:{meetingId}:{attendee.ExamNumber ?? attendee.Phone[^4..]}");

    public async Task AdmitFromWaitingRoomAsync(string meetingId, Attendee attendee, CancellationToken ct)
    {
        var waiting = await WaitingAsync(meetingId, ct);
        var matches = waiting.Where(p => Names(p, attendee)).ToList();
        var person = matches.Count switch
        {
            1 => matches[0],
            0 => throw new MeetingPlatformException("not-waiting", $"Nobody named like candidate {attendee.ExamNumber} is in the waiting room yet."),
            _ => throw new MeetingPlatformException("ambiguous", $"{matches.Count} people in the waiting room are named like candidate {attendee.ExamNumber}; admit by hand."),
        };
        await api.SendAsync(HttpMethod.Put, $"/v1/real-control/meetings/{Uri.EscapeDataString(meetingId)}/waiting-room", new
        {
            operator_id = User,
            operator_id_type = 1,
            instanceid = 1,
            operate_type = 1,
            users = new[] { new { to_operator_id = person.OpenId, to_operator_id_type = 4, instanceid = person.Device } },
        }, ct);
    }

    /// <summary>Who waits in the meeting's waiting room: display name (decoded), join time, and the ids admission needs.</summary>
    public async Task<IReadOnlyList<WaitingPerson>> WaitingAsync(string meetingId, CancellationToken ct)
    {
        var node = await api.SendAsync(HttpMethod.Get,
            $"/v1/meeting/{Uri.EscapeDataString(meetingId)}/waiting-room?operator_id={Uri.EscapeDataString(User)}&operator_id_type=1&page=1&page_size=50", null, ct);
        return (node?["participants"] as JsonArray ?? []).OfType<JsonObject>().Select(p => new WaitingPerson(
            Decode(p["user_name"]?.ToString()), p["ms_open_id"]?.ToString() ?? "",
            int.TryParse(p["instanceid"]?.ToString(), out var device) ? device : 1,
            long.TryParse(p["join_time"]?.ToString(), out var ms) ? DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime : null)).ToList();
    }

    // The candidate is asked to enter "exam number + name"; the exam number is unique, the name is the fallback.
    private static bool Names(WaitingPerson p, Attendee a) =>
        a.ExamNumber is { Length: > 0 } exam ? p.DisplayName.Contains(exam, StringComparison.Ordinal) : p.DisplayName.Contains(a.Name, StringComparison.Ordinal);

    private static string Decode(string? base64)
    {
        if (string.IsNullOrEmpty(base64))
            return "";
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(base64));
        }
        catch (FormatException)
        {
            return base64; // tolerant: a plain name
        }
    }

    private static string Unix(DateTime utc) =>
        new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    private static string Utf8Prefix(string text, int maxBytes)
    {
        var end = text.Length;
        while (end > 0 && Encoding.UTF8.GetByteCount(text.AsSpan(0, end)) > maxBytes)
            end--;
        if (end > 0 && end < text.Length && char.IsHighSurrogate(text[end - 1]))
            end--;
        return text[..end];
    }
}

public sealed record WaitingPerson(string DisplayName, string OpenId, int Device, DateTime? JoinedAt);
