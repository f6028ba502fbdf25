using InterviewPortal.Data;
using InterviewPortal.Data.Candidates;
using InterviewPortal.Data.Interviews;
using InterviewPortal.Data.Rooms;
using InterviewPortal.UnitTests.Support;

namespace InterviewPortal.UnitTests.Interviews;

/// <summary>The rules the interview answers itself: when an ID photo is taken, when it is over.</summary>
public class InterviewRulesTests(InMemoryPortalDb database) : IClassFixture<InMemoryPortalDb>
{
    private static readonly DateTime Start = new(2026, 3, 20, 1, 0, 0, DateTimeKind.Utc);

    public static TheoryData<InterviewStatus> EveryState() => new(Enum.GetValues<InterviewStatus>());

    [Theory]
    [MemberData(nameof(EveryState))]
    public void An_id_photo_is_accepted_exactly_after_the_notice_for_a_retake_or_to_replace_an_unreviewed_one(InterviewStatus status) =>
        Assert.Equal(status is InterviewStatus.Notified or InterviewStatus.IdRejected or InterviewStatus.IdSubmitted, Interview.AcceptsIdPhotoIn(status));

    // The page asks AcceptsIdPhotoIn, the upload asks AcceptsIdPhoto, the move checks its own Require: one list.
    [Theory]
    [MemberData(nameof(EveryState))]
    public async Task The_upload_rule_and_the_submit_move_agree_in_every_state(InterviewStatus status)
    {
        var interview = await InStateAsync(status);
        Assert.Equal(Interview.AcceptsIdPhotoIn(status), interview.AcceptsIdPhoto);
        var refused = Record.Exception(interview.SubmitIdPhoto);
        Assert.Equal(interview.AcceptsIdPhoto, refused is null);
        if (refused is not null)
            Assert.IsType<DomainRuleException>(refused);
    }

    [Theory]
    [MemberData(nameof(EveryState))]
    public async Task An_interview_is_over_once_completed_ended_or_absent_and_active_means_neither_over_nor_cancelled(InterviewStatus status)
    {
        var interview = await InStateAsync(status);
        Assert.Equal(status is InterviewStatus.Completed or InterviewStatus.Ended or InterviewStatus.Absent, interview.IsOver);
        Assert.Equal(!interview.IsOver && status != InterviewStatus.Cancelled, Interview.Active.Contains(status));
    }

    // Through the entity's own moves (and the notice's UPDATE), so a state the lifecycle cannot reach is not tested.
    private async Task<Interview> InStateAsync(InterviewStatus status)
    {
        var interview = Interview.Book(new Candidate { Id = 1, ExamNumber = "104872026000001", Name = "测试", IdNumber = "11010519491231002X", Phone = "13800000000" },
            new ExamRoom { Id = 1, CollegeId = 1, Name = "Room 1" }, Start, 20, InterviewKind.Exam);
        if (status == InterviewStatus.Cancelled)
            interview.Cancel();
        else if (status == InterviewStatus.Absent)
            interview.MarkAbsent(Start);
        else if (status != InterviewStatus.Scheduled)
        {
            interview = (await database.MarkNotifiedAsync(interview, Start.AddMinutes(-20))).Row;
            Action<Interview>[] path =
            [
                i => i.SubmitIdPhoto(), i => i.VerifyId(), i => i.Invite(Start), i => i.AcceptRoomScan(Start), i => i.Complete(Start), i => i.End(Start),
            ];
            var steps = status switch
            {
                InterviewStatus.Notified => 0,
                InterviewStatus.IdSubmitted => 1,
                InterviewStatus.IdVerified => 2,
                InterviewStatus.Invited => 3,
                InterviewStatus.InProgress => 4,
                InterviewStatus.Completed => 5,
                InterviewStatus.Ended => 6,
                _ => 1, // IdRejected and Interrupted branch off below
            };
            foreach (var step in path.Take(steps))
                step(interview);
            if (status == InterviewStatus.IdRejected)
                interview.RejectId("blurred");
            if (status == InterviewStatus.Interrupted)
            {
                interview.VerifyId();
                interview.Invite(Start);
                interview.Interrupt();
            }
        }
        Assert.Equal(status, interview.Status);
        return interview;
    }
}
