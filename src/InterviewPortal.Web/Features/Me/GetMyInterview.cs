using System.Runtime.CompilerServices;
using System.Text.Json.Serialization;
using InterviewPortal.Data;
using InterviewPortal.Data.Interviews;
using InterviewPortal.Data.Rooms;
using InterviewPortal.Data.Verifications;
using InterviewPortal.Web.Infrastructure.Meetings;
using InterviewPortal.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace InterviewPortal.Web.Features.Me;

public sealed record MyInterview(
    int Id, DateTime StartsAt, DateTimeOffset StartsAtLocal, int DurationMinutes, string Room, InterviewStatus Status,
    string? MeetingId, InterviewKind Kind, bool Recorded, string? RejectionReason,
    string? Platform = null, string? MeetingCode = null, string? JoinUrl = null);

/// <param name="AssignmentReports">How many college/major reports the candidate has sent: the page lists them only
/// when there are some (most candidates never send one, and a second statement per view cost a third of the page).</param>
public sealed record MyRecord(
    string ExamNumber, string Name, string College, string Major, string MajorCode, MyInterview? Interview,
    [property: JsonIgnore] int AssignmentReports = 0);

/// <summary>
/// What a candidate sees of themself. Every candidate refreshes this on exam day, so it is one small statement on
/// indexes, kept prepared on the connection (<see cref="MyRecordStatement"/>): the candidate by key and their interviews by the candidate index (a row each,
/// or one row of nulls). The meeting ID and a rejection reason are read by a second statement only in the
/// states that show them: preparing a statement is most of the cost of this answer on SQLite, and two correlated
/// subqueries tripled it for every candidate who has not been invited yet. The scope check is made here,
/// explicitly, instead of by the query filters: they would wrap every join in its own scope subquery. A reload
/// within a few seconds is answered from the node's copy (<see cref="MyRecordCache"/>, ADR 0006), after the scope check.
/// </summary>
public sealed class GetMyInterviewHandler(PortalDbContext db, TimeProvider clock, MyRecordCache cache, MeetingPlatforms platforms)
{
    /// <summary>
    /// The statements of the rarer states, compiled once per model: EF refuses a compiled query on another model than its first, and a
    /// process may host more than one portal (the tests run SQLite and PostgreSQL hosts side by side).
    /// </summary>
    private static readonly ConditionalWeakTable<IModel, Queries> Compiled = new();

    private sealed class Queries
    {
        public readonly Func<PortalDbContext, int, CancellationToken, Task<string?>> MeetingIdOf = EF.CompileAsyncQuery(
            (PortalDbContext db, int interviewId, CancellationToken ct) => db.MeetingInvitations.IgnoreQueryFilters()
                .Where(m => m.InterviewId == interviewId && m.MeetingId != null)
                .OrderByDescending(m => m.Id).Select(m => m.MeetingId).FirstOrDefault());

        public readonly Func<PortalDbContext, int, CancellationToken, Task<string?>> RejectionOf = EF.CompileAsyncQuery(
            (PortalDbContext db, int interviewId, CancellationToken ct) => db.IdVerifications.IgnoreQueryFilters()
                .Where(v => v.InterviewId == interviewId
                    && (v.Status == VerificationStatus.Rejected || v.Status == VerificationStatus.RetakeRequested))
                .OrderByDescending(v => v.Id).Select(v => v.Reason).FirstOrDefault());

        public readonly Func<PortalDbContext, int, DateOnly, CancellationToken, Task<RoomMeeting?>> SessionOf = EF.CompileAsyncQuery(
            (PortalDbContext db, int roomId, DateOnly day, CancellationToken ct) => db.RoomMeetings.IgnoreQueryFilters().AsNoTracking()
                .FirstOrDefault(m => m.ExamRoomId == roomId && m.SessionDate == day));
    }

    /// <summary>An invitation (and so a meeting ID) exists only once the assistant has invited.</summary>
    private static bool MayHaveMeeting(InterviewStatus status) =>
        status is InterviewStatus.Invited or InterviewStatus.InProgress
            or InterviewStatus.Completed or InterviewStatus.Absent or InterviewStatus.Interrupted or InterviewStatus.Ended;

    /// <param name="countReports">Fill <see cref="MyRecord.AssignmentReports"/> (the page shows a link with the count).</param>
    public async Task<MyRecord?> HandleAsync(int candidateId, CancellationToken ct, bool countReports = false)
    {
        if (db.Scope.CandidateId != candidateId && !db.Scope.AllColleges)
            return null;
        if (cache.Find(candidateId, countReports) is { } copy)
            return copy;
        var generation = cache.Generation;
        var record = await ReadAsync(candidateId, countReports, ct);
        if (record is not null)
            cache.Keep(candidateId, countReports, record, generation);
        return record;
    }

    private async Task<MyRecord?> ReadAsync(int candidateId, bool countReports, CancellationToken ct)
    {
        var queries = Compiled.GetValue(db.Model, _ => new Queries());
        var rows = await MyRecordStatement.For(db).ReadAsync(db, candidateId, countReports, ct);
        if (rows.Count == 0)
            return null;
        var me = rows[0];
        var interviews = rows.Where(r => r.Id is not null).ToList();

        var now = clock.GetUtcNow().UtcDateTime;
        // The next one still to come (or under way) that was not cancelled; otherwise the most recent of all.
        var chosen = interviews.Where(i => i.Status != InterviewStatus.Cancelled && (i.EndsAt > now || Interview.Active.Contains(i.Status!.Value)))
                         .OrderBy(i => i.StartsAt).FirstOrDefault()
                     ?? interviews.OrderByDescending(i => i.StartsAt).FirstOrDefault();

        if (chosen is null)
            return new MyRecord(me.ExamNumber, me.Name, me.College, me.Major, me.MajorCode, null, me.AssignmentReports);
        var status = chosen.Status!.Value;
        var meetingId = MayHaveMeeting(status) ? await queries.MeetingIdOf(db, chosen.Id!.Value, ct) : null;
        var rejection = status == InterviewStatus.IdRejected ? await queries.RejectionOf(db, chosen.Id!.Value, ct) ?? chosen.StatusNote : null;
        var (platform, code, joinUrl) = await WhereToJoinAsync(queries, chosen, status, meetingId, now, ct);
        var interview = new MyInterview(chosen.Id!.Value, DateTime.SpecifyKind(chosen.StartsAt!.Value, DateTimeKind.Utc),
            BeijingTime.ToLocal(chosen.StartsAt.Value), chosen.DurationMinutes!.Value, chosen.Room!, status,
            meetingId, chosen.Kind!.Value, chosen.Recorded!.Value, rejection, platform, code, joinUrl);
        return new MyRecord(me.ExamNumber, me.Name, me.College, me.Major, me.MajorCode, interview, me.AssignmentReports);
    }

    /// <summary>
    /// Where to join, once there is a meeting: a session switched to the backup platform shows the backup meeting to
    /// everyone of the room who has not finished (invited or not: they were told by message too); otherwise the WeLink
    /// meeting the candidate was invited to. The session is read only on its day or once invited, not on every visit.
    /// </summary>
    private async Task<(string? Platform, string? Code, string? JoinUrl)> WhereToJoinAsync(
        Queries queries, MyRecordRow chosen, InterviewStatus status, string? meetingId, DateTime now, CancellationToken ct)
    {
        var day = DateOnly.FromDateTime(BeijingTime.ToLocal(chosen.StartsAt!.Value).DateTime);
        var active = Interview.Active.Contains(status);
        if (!(active && day == DateOnly.FromDateTime(BeijingTime.ToLocal(now).DateTime)) && meetingId is null)
            return (null, null, null);
        var session = await queries.SessionOf(db, chosen.RoomId!.Value, day, ct);
        if (active && session is { Platform: MeetingPlatform.Backup, BackupMeetingCode: not null })
            return (platforms.NameOf(MeetingPlatform.Backup), session.BackupMeetingCode, session.BackupJoinLink);
        return meetingId is null ? (null, null, null) : (platforms.NameOf(MeetingPlatform.Primary), meetingId, session?.JoinLink);
    }
}
