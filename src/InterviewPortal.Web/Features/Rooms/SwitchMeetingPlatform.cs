using FluentValidation;
using InterviewPortal.Data;
using InterviewPortal.Data.Interviews;
using InterviewPortal.Data.Rooms;
using InterviewPortal.Web.Features.Audit;
using InterviewPortal.Web.Features.Live;
using InterviewPortal.Web.Features.Notifications;
using InterviewPortal.Web.Features.Shared;
using InterviewPortal.Web.Infrastructure.Localization;
using InterviewPortal.Web.Infrastructure.Meetings;
using InterviewPortal.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.Web.Features.Rooms;

/// <param name="Platform">"Backup" or "Primary".</param>
public sealed record SwitchPlatformRequest(string? Platform, string? Reason);

/// <summary>Where the room's session runs now: the platform's name (WeLink or the backup's), and how to join once there is a meeting.</summary>
public sealed record RoomPlatform(string Platform, string? MeetingCode, string? JoinUrl);

public sealed class SwitchPlatformRequestValidator : AbstractValidator<SwitchPlatformRequest>
{
    public SwitchPlatformRequestValidator()
    {
        RuleFor(r => r.Platform).Must(p => Enum.TryParse<MeetingPlatform>(p, ignoreCase: true, out _) && !int.TryParse(p, out _))
            .WithMessage(_ => Texts.Get("Rooms.PlatformMustBeBackupOrPrimary"));
        RuleFor(r => r.Reason).NotEmpty().WithMessage(_ => Texts.Get("Rooms.ReasonIsRequired"))
            .MaximumLength(500).WithMessage(_ => Texts.Get("Rooms.ReasonMustBeAtMost500"));
    }
}

/// <summary>
/// A secretary or the room's assistant moves the room's session (today, Beijing time) to the backup platform or back.
/// The backup meeting is created once per session (<see cref="BackupMeeting"/>); the switch itself is one conditional
/// UPDATE of the session's platform, so two people pressing at once switch, audit and message once. Every candidate of
/// the session who has not finished gets one message through the outbox and a live push to their page.
/// </summary>
public sealed class SwitchMeetingPlatformHandler(PortalDbContext db, BackupMeeting backup, MeetingPlatforms platforms, CandidateOutbox outbox,
    CandidateLive candidateLive, ExamDayBroadcaster staffLive, TimeProvider clock)
{
    public async Task<Outcome<RoomPlatform>> HandleAsync(int roomId, SwitchPlatformRequest request, CancellationToken ct)
    {
        var room = await db.ExamRooms.AsNoTracking().FirstOrDefaultAsync(r => r.Id == roomId, ct);
        if (room is null)
            return Outcome.NotFound(Texts.Get("Rooms.RoomWasNotFound", roomId));
        var target = Enum.Parse<MeetingPlatform>(request.Platform!, ignoreCase: true);
        if (target == MeetingPlatform.Backup && !platforms.BackupOffered)
            return Outcome.Conflict(Texts.Get("Rooms.NoBackupMeetingPlatformIsConfigured"));
        var session = await backup.SessionAsync(room, BeijingTime.Today(clock), ct);
        if (target == MeetingPlatform.Backup)
        {
            var ensured = await backup.EnsureAsync(session, room.Name, ct);
            if (!ensured.Succeeded)
                return new Refusal(ensured.Kind, ensured.Detail, ensured.Errors);
            session = ensured.Value!;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        List<int> told = [];
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            var switched = await db.RoomMeetings.IgnoreQueryFilters().Where(m => m.Id == session.Id && m.Platform != target)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Platform, target).SetProperty(m => m.PlatformVersion, m => m.PlatformVersion + 1), ct);
            session = await db.RoomMeetings.IgnoreQueryFilters().AsNoTracking().FirstAsync(m => m.Id == session.Id, ct);
            if (switched == 1)
            {
                told = await TellCandidatesAsync(room, session, now, ct);
                db.Record("room.platform-switched", nameof(ExamRoom), room.Id,
                    $"Session {session.SessionDate:yyyy-MM-dd} moved to {platforms.NameOf(target)}: {request.Reason!.Trim()}", now);
                await db.SaveChangesAsync(ct);
            }
            await tx.CommitAsync(ct);
        }
        var view = ViewOf(session);
        if (told.Count > 0)
        {
            await candidateLive.MeetingChangedAsync(told, view, ct);
            await staffLive.RoomPlatformChangedAsync(room.Id, room.CollegeId, view, ct);
        }
        return Outcome.Success(view);
    }

    public RoomPlatform ViewOf(RoomMeeting session) => session.Platform == MeetingPlatform.Backup
        ? new RoomPlatform(platforms.NameOf(MeetingPlatform.Backup), session.BackupMeetingCode, session.BackupJoinLink)
        : new RoomPlatform(platforms.NameOf(MeetingPlatform.Primary), session.ConferenceId, session.JoinLink);

    private async Task<List<int>> TellCandidatesAsync(ExamRoom room, RoomMeeting session, DateTime now, CancellationToken ct)
    {
        var (from, to) = BeijingTime.DayRange(session.SessionDate);
        var waiting = await db.Interviews.IgnoreQueryFilters()
            .Where(i => i.ExamRoomId == room.Id && i.StartsAt >= from && i.StartsAt < to && Interview.Active.Contains(i.Status))
            .Select(i => new { i.Id, i.CandidateId, i.Candidate.Phone }).ToListAsync(ct);
        var view = ViewOf(session);
        var (title, text) = Words(room.Name, view);
        foreach (var w in waiting.DistinctBy(w => w.CandidateId))
        {
            outbox.Stage(new StagedMessage(NoticeTemplates.MeetingSwitch, NoticeTemplates.MeetingSwitchKey(session.Id, session.PlatformVersion, w.CandidateId),
                w.CandidateId, w.Phone, now) { InterviewId = w.Id, Title = title, Text = text });
        }
        return waiting.Select(w => w.CandidateId).Distinct().ToList();
    }

    private static (string Title, string Text) Words(string roomName, RoomPlatform view) =>
        ("复试会议平台变更 / Your interview moved",
         view.MeetingCode is null
            ? $"{roomName} 考场已改用 {view.Platform}，会议信息稍后见“我的复试”页面。Room {roomName} now uses {view.Platform}; the meeting details will be on your page."
            : $"{roomName} 考场已改用 {view.Platform}，会议号 {view.MeetingCode}，入会链接 {view.JoinUrl}。入会时请把名称设为“考生编号+姓名”。"
              + $" Room {roomName} now uses {view.Platform}: meeting code {view.MeetingCode}, link {view.JoinUrl}. Join with your exam number and name as your display name.");
}
