using System.Net;
using System.Net.Http.Json;
using InterviewPortal.Data.Interviews;
using InterviewPortal.Data.Notifications;
using InterviewPortal.IntegrationTests.Infrastructure;
using InterviewPortal.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewPortal.IntegrationTests.Notifications;

public sealed class PreExamNoticeTests(SqlitePortalFactory portal) : IClassFixture<SqlitePortalFactory>
{
    private static DateTime InMinutes(double minutes) => DateTime.UtcNow.AddMinutes(minutes);

    [Fact]
    public async Task A_notice_job_run_twice_sends_once_and_marks_the_interview_notified()
    {
        var id = await portal.BookAsync(InMinutes(19.9)); // due now
        var notice = Assert.Single(await portal.NoticesAsync(id));
        await portal.RunNoticeJobAsync(notice.Id);
        await portal.RunNoticeJobAsync(notice.Id);

        Assert.Equal(1, await portal.SentNoticesAsync(id));
        var after = Assert.Single(await portal.NoticesAsync(id));
        Assert.Equal(NotificationStatus.Sent, after.Status);
        Assert.Contains("身份证人像面", after.Text, StringComparison.Ordinal);
        Assert.Equal(InterviewStatus.Notified, await portal.WithDbAsync(db => db.Interviews.Where(i => i.Id == id).Select(i => i.Status).FirstAsync()));
    }

    [Fact]
    public async Task Two_concurrent_runs_of_the_same_notice_send_once()
    {
        var id = await portal.BookAsync(InMinutes(19.95));
        var notice = Assert.Single(await portal.NoticesAsync(id));
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => portal.RunNoticeJobAsync(notice.Id))));
        Assert.Equal(1, await portal.SentNoticesAsync(id));
    }

    [Fact]
    public async Task Rescheduling_moves_the_notice_and_the_old_row_sends_nothing()
    {
        var id = await portal.BookAsync(InMinutes(60)); // not due yet: the dispatcher must not race the move
        var old = Assert.Single(await portal.NoticesAsync(id));
        await portal.RescheduleAsync(id, InMinutes(120));

        var notices = await portal.NoticesAsync(id);
        Assert.Equal(NotificationStatus.Cancelled, notices.Single(n => n.Id == old.Id).Status);
        var moved = notices.Single(n => n.Status == NotificationStatus.Pending);
        Assert.InRange(moved.DueAt, InMinutes(99), InMinutes(101));
        Assert.Equal(NoticeOutcome.NothingToDo, await portal.RunNoticeJobAsync(old.Id));
        Assert.Equal(NoticeOutcome.NotDue, await portal.RunNoticeJobAsync(moved.Id));
        Assert.Equal(0, await portal.SentNoticesAsync(id));
    }

    [Fact]
    public async Task Cancelling_withdraws_the_notice_so_nothing_is_sent()
    {
        var id = await portal.BookAsync(InMinutes(60)); // not due yet: the dispatcher must not race the cancel
        var notice = Assert.Single(await portal.NoticesAsync(id));
        await portal.CancelAsync(id);
        Assert.Equal(NoticeOutcome.NothingToDo, await portal.RunNoticeJobAsync(notice.Id));
        Assert.Equal(NotificationStatus.Cancelled, Assert.Single(await portal.NoticesAsync(id)).Status);
        Assert.Equal(0, await portal.SentNoticesAsync(id));
    }

    [Fact]
    public async Task The_dispatcher_sends_a_notice_due_in_3_s_within_5_s_of_its_due_time()
    {
        var id = await portal.BookAsync(InMinutes(20).AddSeconds(3));
        await portal.WaitUntilNoticeSentAsync(id);
        var notice = Assert.Single(await portal.NoticesAsync(id));
        Assert.InRange((notice.SentAt!.Value - notice.DueAt).TotalSeconds, 0, 5);
        Assert.False(notice.Late);
    }

    [Fact]
    public async Task Rescheduling_back_to_the_same_room_and_start_plans_a_new_notice_instead_of_colliding()
    {
        var first = InMinutes(90);
        var id = await portal.BookAsync(first);
        await portal.RescheduleAsync(id, InMinutes(150));
        await portal.RescheduleAsync(id, first); // the old key (candidate, start, room) would hit the unique index here

        var notices = await portal.NoticesAsync(id);
        Assert.Equal(3, notices.Count);
        var pending = Assert.Single(notices, n => n.Status == NotificationStatus.Pending);
        Assert.Equal(notices[^1].Id, pending.Id);
        Assert.InRange(pending.DueAt, first.AddMinutes(-20).AddSeconds(-1), first.AddMinutes(-20).AddSeconds(1));
        Assert.Equal(3, notices.Select(n => n.IdempotencyKey).Distinct().Count());
    }

    [Fact]
    public async Task An_overdue_notice_and_one_the_sweep_creates_for_an_interview_that_has_none_are_sent_marked_late()
    {
        var lost = await portal.BookAsync(InMinutes(25));
        await portal.WithDbAsync(db => db.Notifications.Where(n => n.InterviewId == lost)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.DueAt, InMinutes(-2))));
        int seeded = await portal.WithDbAsync(async db =>
        {
            var room = await db.ExamRooms.OrderBy(r => r.Id).FirstAsync();
            var candidate = await db.Candidates.Where(c => c.CollegeId == room.CollegeId && !c.Interviews.Any()).OrderByDescending(c => c.Id).FirstAsync();
            var interview = Interview.Book(candidate, room, InMinutes(10), 20, InterviewKind.Exam);
            db.Interviews.Add(interview);
            await db.SaveChangesAsync();
            return interview.Id;
        });

        await using (var scope = portal.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<MissedNoticeSweep>().RunAsync(default);

        foreach (var id in new[] { lost, seeded })
        {
            await portal.WaitUntilNoticeSentAsync(id);
            Assert.Equal(1, await portal.SentNoticesAsync(id));
            var sent = (await portal.NoticesAsync(id)).Single(n => n.Status == NotificationStatus.Sent);
            Assert.True(sent.Late);
        }
    }

    [Fact]
    public async Task The_assistant_sends_the_notice_again_now_with_a_new_key_and_an_audit_entry()
    {
        var id = await portal.BookAsync(InMinutes(60));
        var assistant = await portal.ClientForStaffAsync("assistant1");
        var response = await assistant.PostAsync($"/api/v1/interviews/{id}/notify", null);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await portal.WaitUntilNoticeSentAsync(id);
        var notices = await portal.NoticesAsync(id);
        Assert.Equal(2, notices.Count);
        Assert.Contains(notices, n => n.IdempotencyKey.StartsWith(NoticeTemplates.ResendPrefix, StringComparison.Ordinal) && n.Status == NotificationStatus.Sent);
        Assert.True(await portal.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "notice.resent" && a.EntityId == id.ToString() && a.Actor == "assistant1")));

        var other = await portal.ClientForStaffAsync("assistant2");
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"/api/v1/interviews/{id}/notify", null)).StatusCode);
        var failed = await assistant.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/notifications?interviewId={id}");
        Assert.Equal(2, failed.GetProperty("total").GetInt32());
    }
}
