using System.Globalization;
using System.Text.Json.Nodes;
using InterviewPortal.Web.Infrastructure.Meetings;
using Microsoft.Extensions.Options;

namespace InterviewPortal.Web.Infrastructure.WeLink;

/// <summary>
/// The primary meeting platform over HTTP: Huawei Cloud Meeting, on which WeLink meetings run (welink-api.md
/// section B): meetings, waiting room and recording. The directory lookup for participants is the WeLink gateway's.
/// </summary>
public sealed class HttpWeLinkMeetings(WeLinkApi api, WeLinkCaches caches, IWeLinkGateway directory, IOptions<WeLinkOptions> options) : IMeetingPlatform
{
    public async Task<MeetingInfo> CreateMeetingAsync(MeetingRequest request, CancellationToken ct)
    {
        var node = await api.MeetingAsync(HttpMethod.Post, "/v1/mmc/management/conferences", MeetingBody(request), ct);
        return Remember(FirstConference(node));
    }

    public async Task UpdateMeetingAsync(string meetingId, MeetingRequest request, CancellationToken ct)
    {
        // An edit replaces the whole meeting: every field is sent again, or it falls back to its default.
        var node = await api.MeetingAsync(HttpMethod.Put, $"/v1/mmc/management/conferences?conferenceID={Uri.EscapeDataString(meetingId)}", MeetingBody(request), ct);
        Remember(FirstConference(node));
    }

    // type=1 cancels a scheduled meeting and ends a running one alike.
    public async Task CancelMeetingAsync(string meetingId, CancellationToken ct)
    {
        await api.MeetingAsync(HttpMethod.Delete, $"/v1/mmc/management/conferences?conferenceID={Uri.EscapeDataString(meetingId)}&type=1", null, ct);
        caches.Control.TryRemove(meetingId, out _);
    }

    public Task EndMeetingAsync(string meetingId, CancellationToken ct) => CancelMeetingAsync(meetingId, ct);

    public async Task<string> InviteAttendeeAsync(string meetingId, Attendee attendee, CancellationToken ct)
    {
        var participant = await ParticipantAsync(attendee, ct);
        await api.ControlAsync(HttpMethod.Post, meetingId, $"/v1/mmc/control/conferences/participants?conferenceID={Uri.EscapeDataString(meetingId)}", new
        {
            attendees = new[] { new { name = attendee.Name, phone = participant, accountId = attendee.UserId, type = "normal", role = 0 } },
        }, ct);
        return $"{meetingId}:{participant}";
    }

    public async Task AdmitFromWaitingRoomAsync(string meetingId, Attendee attendee, CancellationToken ct)
    {
        var participant = await ParticipantAsync(attendee, ct);
        await api.ControlAsync(HttpMethod.Put, meetingId, $"/v1/mmc/control/conferences/allowWaitingParticipant?conferenceID={Uri.EscapeDataString(meetingId)}",
            new { participantID = participant }, ct);
    }

    private static object MeetingBody(MeetingRequest r) => new
    {
        subject = r.Subject.Length > 128 ? r.Subject[..128] : r.Subject,
        startTime = DateTime.SpecifyKind(r.StartsAtUtc, DateTimeKind.Utc).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        length = Math.Clamp(r.DurationMinutes, 15, 1440),
        mediaTypes = "HDVideo",
        timeZoneID = "56",
        language = "zh-CN",
        isAutoRecord = r.Recorded ? 1 : 0,
        recordType = r.Recorded ? 2 : 0,
        attendees = Array.Empty<object>(),
        confConfigInfo = new { isSendNotify = false, isSendSms = false, isSendCalendar = false, enableWaitingRoom = r.WaitingRoom },
    };

    private static MeetingInfo FirstConference(JsonNode? node)
    {
        var conf = (node as JsonArray)?.FirstOrDefault() ?? node?["conferenceData"]
            ?? throw new WeLinkException("no-meeting", "The meeting answer has no conference.");
        var id = conf["conferenceID"]?.ToString() ?? throw new WeLinkException("no-meeting", "The meeting answer has no conferenceID.");
        var chair = (conf["passwordEntry"] as JsonArray)?.FirstOrDefault(p => p?["conferenceRole"]?.ToString() == "chair")?["password"]?.ToString();
        return new MeetingInfo(id, conf["guestJoinUri"]?.ToString() ?? "", chair, conf["chairJoinUri"]?.ToString());
    }

    private MeetingInfo Remember(MeetingInfo info)
    {
        if (info.HostPassword is { Length: > 0 } password)
            caches.HostPasswords[info.ConferenceId] = password;
        return info;
    }

    // [I] The waiting list's participant IDs come from the event push, which we do not receive; the invited number stands in.
    private async Task<string> ParticipantAsync(Attendee attendee, CancellationToken ct) =>
        attendee.UserId ?? await directory.FindUserIdByPhoneAsync(attendee.Phone, ct) ?? WeLinkPhone(attendee.Phone);

    private string WeLinkPhone(string phone) => string.Format(CultureInfo.InvariantCulture, options.Value.PhoneFormat, phone);
}
