using InterviewPortal.Data;
using InterviewPortal.Data.Candidates;
using InterviewPortal.Data.Interviews;
using InterviewPortal.Data.Rooms;
using InterviewPortal.UnitTests.Support;
using InterviewPortal.Web.Features.Interviews;

namespace InterviewPortal.UnitTests.Interviews;

/// <summary>
/// Every entity move from every state. Scheduled → Notified is no entity method: the notice sender makes it for a
/// batch with one conditional UPDATE (<see cref="InterviewNotices"/>), so the paths here run that statement.
/// </summary>
public class InterviewLifecycleTests(InMemoryPortalDb database) : IClassFixture<InMemoryPortalDb>
{
    private static readonly DateTime Start = new(2026, 3, 20, 1, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Now = Start.AddMinutes(-1);

    private static readonly Dictionary<string, Action<Interview>> Moves = new()
    {
        ["SubmitIdPhoto"] = i => i.SubmitIdPhoto(),
        ["VerifyId"] = i => i.VerifyId(),
        ["RejectId"] = i => i.RejectId("blurred"),
        ["Invite"] = i => i.Invite(Now),
        ["AcceptRoomScan"] = i => i.AcceptRoomScan(Now),
        ["Complete"] = i => i.Complete(Now),
        ["MarkAbsent"] = i => i.MarkAbsent(Now),
        ["Interrupt"] = i => i.Interrupt(),
        ["End"] = i => i.End(Now),
        ["Cancel"] = i => i.Cancel(),
        ["Reschedule"] = i => i.Reschedule(Room(), Start.AddHours(1), 20),
    };

    // The legal moves, written out from the product's lifecycle; everything else must be refused.
    private static readonly Dictionary<string, (InterviewStatus[] From, InterviewStatus To)> Legal = new()
    {
        ["SubmitIdPhoto"] = ([InterviewStatus.Notified, InterviewStatus.IdRejected, InterviewStatus.IdSubmitted], InterviewStatus.IdSubmitted),
        ["VerifyId"] = ([InterviewStatus.IdSubmitted], InterviewStatus.IdVerified),
        ["RejectId"] = ([InterviewStatus.IdSubmitted], InterviewStatus.IdRejected),
        ["Invite"] = ([InterviewStatus.IdVerified, InterviewStatus.Interrupted], InterviewStatus.Invited),
        ["AcceptRoomScan"] = ([InterviewStatus.Invited], InterviewStatus.InProgress),
        ["Complete"] = ([InterviewStatus.InProgress], InterviewStatus.Completed),
        ["MarkAbsent"] = ([InterviewStatus.Scheduled, InterviewStatus.Notified, InterviewStatus.IdSubmitted, InterviewStatus.IdVerified, InterviewStatus.IdRejected, InterviewStatus.Invited], InterviewStatus.Absent),
        ["Interrupt"] = ([InterviewStatus.Invited, InterviewStatus.InProgress], InterviewStatus.Interrupted),
        ["End"] = ([InterviewStatus.Completed, InterviewStatus.Interrupted, InterviewStatus.Absent], InterviewStatus.Ended),
        ["Cancel"] = ([InterviewStatus.Scheduled, InterviewStatus.Notified, InterviewStatus.IdSubmitted, InterviewStatus.IdVerified, InterviewStatus.IdRejected], InterviewStatus.Cancelled),
        ["Reschedule"] = ([InterviewStatus.Scheduled, InterviewStatus.Notified], InterviewStatus.Scheduled),
    };

    // A shortest path of legal moves from Scheduled to each state; "Notify" is the notice sender's UPDATE.
    private static readonly Dictionary<InterviewStatus, string[]> PathTo = new()
    {
        [InterviewStatus.Scheduled] = [],
        [InterviewStatus.Notified] = ["Notify"],
        [InterviewStatus.IdSubmitted] = ["Notify", "SubmitIdPhoto"],
        [InterviewStatus.IdVerified] = ["Notify", "SubmitIdPhoto", "VerifyId"],
        [InterviewStatus.IdRejected] = ["Notify", "SubmitIdPhoto", "RejectId"],
        [InterviewStatus.Invited] = ["Notify", "SubmitIdPhoto", "VerifyId", "Invite"],
        [InterviewStatus.InProgress] = ["Notify", "SubmitIdPhoto", "VerifyId", "Invite", "AcceptRoomScan"],
        [InterviewStatus.Completed] = ["Notify", "SubmitIdPhoto", "VerifyId", "Invite", "AcceptRoomScan", "Complete"],
        [InterviewStatus.Absent] = ["MarkAbsent"],
        [InterviewStatus.Interrupted] = ["Notify", "SubmitIdPhoto", "VerifyId", "Invite", "Interrupt"],
        [InterviewStatus.Ended] = ["Notify", "SubmitIdPhoto", "VerifyId", "Invite", "AcceptRoomScan", "Complete", "End"],
        [InterviewStatus.Cancelled] = ["Cancel"],
    };

    public static TheoryData<InterviewStatus, string> EveryStateAndMove()
    {
        var data = new TheoryData<InterviewStatus, string>();
        foreach (var status in Enum.GetValues<InterviewStatus>())
            foreach (var move in Moves.Keys)
                data.Add(status, move);
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryStateAndMove))]
    public async Task Each_move_is_allowed_exactly_from_its_legal_states(InterviewStatus from, string move)
    {
        var interview = await InStateAsync(from);
        var (allowedFrom, to) = Legal[move];
        if (allowedFrom.Contains(from))
        {
            Moves[move](interview);
            Assert.Equal(to, interview.Status);
        }
        else
        {
            var error = Assert.Throws<DomainRuleException>(() => Moves[move](interview));
            Assert.Contains(from.ToString(), error.Message, StringComparison.Ordinal);
            Assert.Equal(from, interview.Status);
        }
    }

    [Theory]
    [MemberData(nameof(EveryState))]
    public async Task The_notice_moves_only_a_scheduled_interview_to_notified(InterviewStatus from)
    {
        var (row, moved) = await database.MarkNotifiedAsync(await InStateAsync(from), Now);
        if (from == InterviewStatus.Scheduled)
        {
            Assert.Equal((1, InterviewStatus.Notified, Now), (moved, row.Status, row.NotifiedAt));
        }
        else
        {
            Assert.Equal(0, moved);
            Assert.Equal(from, row.Status);
        }
    }

    public static TheoryData<InterviewStatus> EveryState() => new(Enum.GetValues<InterviewStatus>());

    [Fact]
    public async Task A_rehearsal_outcome_is_refused_on_an_exam()
    {
        var exam = await InStateAsync(InterviewStatus.InProgress);
        Assert.Throws<DomainRuleException>(() => exam.RecordRehearsalOutcome(RehearsalOutcome.Passed, null));
        var rehearsal = await InStateAsync(InterviewStatus.InProgress, InterviewKind.Rehearsal);
        rehearsal.RecordRehearsalOutcome(RehearsalOutcome.NetworkFailed, "4G only");
        Assert.Equal(RehearsalOutcome.NetworkFailed, rehearsal.RehearsalOutcome);
    }

    [Fact]
    public async Task Reschedule_moves_the_end_and_clears_the_notice()
    {
        var interview = await InStateAsync(InterviewStatus.Notified);
        Assert.NotNull(interview.NotifiedAt);
        interview.Reschedule(Room(), Start.AddHours(2), 30);
        Assert.Equal(Start.AddHours(2).AddMinutes(30), interview.EndsAt);
        Assert.Null(interview.NotifiedAt);
        Assert.Equal(InterviewStatus.Scheduled, interview.Status);
    }

    // The conflict checks compare held slots (SlotGuard), not entities.
    [Fact]
    public void Overlap_is_half_open()
    {
        var slot = new HeldSlot(1, 1, 1, "Room 1", null, Start, Start.AddMinutes(20));
        Assert.True(slot.Overlaps(Start.AddMinutes(19), Start.AddMinutes(40)));
        Assert.False(slot.Overlaps(Start.AddMinutes(20), Start.AddMinutes(40)));
        Assert.False(slot.Overlaps(Start.AddMinutes(-20), Start));
        Assert.True(slot.Overlaps(Start.AddMinutes(-20), Start.AddMinutes(1)));
    }

    [Fact]
    public void Local_times_are_refused()
    {
        Assert.Throws<ArgumentException>(() => Interview.Book(Candidate(), Room(), new DateTime(2026, 3, 20, 9, 0, 0, DateTimeKind.Local), 20, InterviewKind.Exam));
    }

    private async Task<Interview> InStateAsync(InterviewStatus status, InterviewKind kind = InterviewKind.Exam)
    {
        var interview = Interview.Book(Candidate(), Room(), Start, 20, kind);
        foreach (var step in PathTo[status])
        {
            if (step == "Notify")
                interview = (await database.MarkNotifiedAsync(interview, Now)).Row;
            else
                Moves[step](interview);
        }
        Assert.Equal(status, interview.Status);
        return interview;
    }

    private static Candidate Candidate() => new() { Id = 1, ExamNumber = "104872026000001", Name = "测试", IdNumber = "11010519491231002X", Phone = "13800000000" };

    private static ExamRoom Room() => new() { Id = 1, CollegeId = 1, Name = "Room 1" };
}
