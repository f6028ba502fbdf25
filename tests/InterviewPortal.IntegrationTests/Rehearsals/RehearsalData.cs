using InterviewPortal.Data.Interviews;
using InterviewPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.IntegrationTests.Rehearsals;

/// <summary>Looks up demo records and books rehearsals straight through the domain model (booking has its own tests elsewhere).</summary>
internal static class RehearsalData
{
    public static Task<int> CollegeOfAsync(this PortalFactory portal, string secretary) =>
        portal.WithDbAsync(db => db.Users.Where(u => u.UserName == secretary).Select(u => u.CollegeId!.Value).FirstAsync());

    public static Task<int> RoomOfAsync(this PortalFactory portal, string assistant) =>
        portal.WithDbAsync(db => db.ExamRooms.Where(r => r.Assistant!.UserName == assistant).Select(r => r.Id).FirstAsync());

    /// <summary>A candidate of the college with no interview at all (the demo books only the first 14 of each college).</summary>
    public static Task<int> FreeCandidateAsync(this PortalFactory portal, int collegeId, int skip = 0) =>
        portal.WithDbAsync(db => db.Candidates.Where(c => c.CollegeId == collegeId && !c.Interviews.Any())
            .OrderBy(c => c.ExamNumber).Skip(skip).Select(c => c.Id).FirstAsync());

    /// <summary>Books a rehearsal in the room and walks it as far as <paramref name="upTo"/> (Scheduled or Invited).</summary>
    public static Task<int> BookRehearsalAsync(this PortalFactory portal, int candidateId, int roomId, DateTime startsAtUtc, InterviewStatus upTo = InterviewStatus.Scheduled) =>
        portal.WithDbAsync(async db =>
        {
            var candidate = await db.Candidates.FirstAsync(c => c.Id == candidateId);
            var room = await db.ExamRooms.FirstAsync(r => r.Id == roomId);
            var interview = Interview.Book(candidate, room, startsAtUtc, 20, InterviewKind.Rehearsal);
            db.Interviews.Add(interview);
            await db.SaveChangesAsync();
            if (upTo == InterviewStatus.Invited)
            {
                await db.NotifyAsync(interview.Id, startsAtUtc.AddMinutes(-20));
                interview.SubmitIdPhoto();
                interview.VerifyId();
                interview.Invite(startsAtUtc);
                await db.SaveChangesAsync();
            }
            return interview.Id;
        });

    public static Task RecordOutcomeAsync(this PortalFactory portal, int interviewId, RehearsalOutcome outcome) =>
        portal.WithDbAsync(async db =>
        {
            var interview = await db.Interviews.FirstAsync(i => i.Id == interviewId);
            interview.RecordRehearsalOutcome(outcome, "recorded by the test");
            await db.SaveChangesAsync();
        });
}
