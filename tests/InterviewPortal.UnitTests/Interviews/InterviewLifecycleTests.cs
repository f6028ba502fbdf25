using InterviewPortal.Data;
using InterviewPortal.Data.Candidates;
using InterviewPortal.Data.Interviews;
using InterviewPortal.Data.Rooms;

namespace InterviewPortal.UnitTests.Interviews;

public class InterviewLifecycleTests
{
    private static readonly DateTime Start = new(2026, 3, 20, 1, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Now = Start.AddMinutes(-1);

    private static readonly Dictionary<string, Action<Interview>> Moves = new()
    {
        ["MarkNotified"] = i => i.MarkNotified(Now),
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
        ["MarkNotified"] = ([InterviewStatus.Scheduled], InterviewStatus.Notified),
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

    // A shortest path of legal moves from Scheduled to each state.
    private static readonly Dictionary<InterviewStatus, string[]> PathTo = new()
    {
        [InterviewStatus.Scheduled] = [],
        [InterviewStatus.Notified] = ["MarkNotified"],
        [InterviewStatus.IdSubmitted] = ["MarkNotified", "SubmitIdPhoto"],
        [InterviewStatus.IdVerified] = ["MarkNotified", "SubmitIdPhoto", "VerifyId"],
        [InterviewStatus.IdRejected] = ["MarkNotified", "SubmitIdPhoto", "RejectId"],
        [InterviewStatus.Invited] = ["MarkNotified", "SubmitIdPhoto", "VerifyId", "Invite"],
        [InterviewStatus.InProgress] = ["MarkNotified", "SubmitIdPhoto", "VerifyId", "Invite", "AcceptRoomScan"],
        [InterviewStatus.Completed] = ["MarkNotified", "SubmitIdPhoto", "VerifyId", "Invite", "AcceptRoomScan", "Complete"],
        [InterviewStatus.Absent] = ["MarkAbsent"],
        [InterviewStatus.Interrupted] = ["MarkNotified", "SubmitIdPhoto", "VerifyId", "Invite", "Interrupt"],
        [InterviewStatus.Ended] = ["MarkNotified", "SubmitIdPhoto", "VerifyId", "Invite", "AcceptRoomScan", "Complete", "End"],
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
    public void Each_move_is_allowed_exactly_from_its_legal_states(InterviewStatus from, string move)
    {
        var interview = InState(from);
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

    [Fact]
    public void A_rehearsal_outcome_is_refused_on_an_exam()
    {
        var exam = InState(InterviewStatus.InProgress);
        Assert.Throws<DomainRuleException>(() => exam.RecordRehearsalOutcome(RehearsalOutcome.Passed, null));
        var rehearsal = InState(InterviewStatus.InProgress, InterviewKind.Rehearsal);
        rehearsal.RecordRehearsalOutcome(RehearsalOutcome.NetworkFailed, "4G only");
        Assert.Equal(RehearsalOutcome.NetworkFailed, rehearsal.RehearsalOutcome);
    }

    [Fact]
    public void Reschedule_moves_the_end_and_clears_the_notice()
    {
        var interview = InState(InterviewStatus.Notified);
        interview.Reschedule(Room(), Start.AddHours(2), 30);
        Assert.Equal(Start.AddHours(2).AddMinutes(30), interview.EndsAt);
        Assert.Null(interview.NotifiedAt);
        Assert.Equal(InterviewStatus.Scheduled, interview.Status);
    }

    [Fact]
    public void Overlap_is_half_open()
    {
        var interview = InState(InterviewStatus.Scheduled);
        Assert.True(interview.Overlaps(Start.AddMinutes(19), Start.AddMinutes(40)));
        Assert.False(interview.Overlaps(Start.AddMinutes(20), Start.AddMinutes(40)));
        Assert.False(interview.Overlaps(Start.AddMinutes(-20), Start));
    }

    [Fact]
    public void Local_times_are_refused()
    {
        Assert.Throws<ArgumentException>(() => Interview.Book(Candidate(), Room(), new DateTime(2026, 3, 20, 9, 0, 0, DateTimeKind.Local), 20, InterviewKind.Exam));
    }

    private static Interview InState(InterviewStatus status, InterviewKind kind = InterviewKind.Exam)
    {
        var interview = Interview.Book(Candidate(), Room(), Start, 20, kind);
        foreach (var step in PathTo[status])
            Moves[step](interview);
        Assert.Equal(status, interview.Status);
        return interview;
    }

    private static Candidate Candidate() => new() { Id = 1, ExamNumber = "104872026000001", Name = "测试", IdNumber = "11010519491231002X", Phone = "13800000000" };

    private static ExamRoom Room() => new() { Id = 1, CollegeId = 1, Name = "Room 1" };
}
