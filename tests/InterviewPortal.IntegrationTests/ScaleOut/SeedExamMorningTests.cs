using InterviewPortal.Data.Interviews;
using InterviewPortal.Data.Notifications;
using InterviewPortal.IntegrationTests.Infrastructure;
using InterviewPortal.Web.Features.Notifications;
using InterviewPortal.Web.Infrastructure.Database;
using InterviewPortal.Web.Infrastructure.ScaleOut;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.IntegrationTests.ScaleOut;

public sealed class SeedExamMorningTests() : SeedExamMorningChecks(DatabaseProvider.Sqlite);

public sealed class SeedExamMorningPostgresTests() : SeedExamMorningChecks(DatabaseProvider.PostgreSql);

public abstract class SeedExamMorningChecks(DatabaseProvider provider) : IDisposable
{
    private readonly PortalFactory portal = new(provider, demo: false);

    [Fact]
    public async Task Exam_morning_seed_puts_the_first_slots_where_asked_with_staff_ready_to_invite_and_one_notice_each()
    {
        var plan = Path.Combine(portal.Database.Folder, "plan.txt");
        var firstStart = DateTime.UtcNow.AddMinutes(30);
        string[] args = ["seed-bench", "--candidates", "300", "--first-start", firstStart.ToString("O"), "--staff-password", "Bench#2026-morning",
            "--consoles", "5", "--verified", "3", "--notices", "--plan-out", plan];

        Assert.Equal(0, await SeedBenchCommand.RunAsync(portal.Services, args));
        Assert.Equal(0, await SeedBenchCommand.RunAsync(portal.Services, args)); // again: nothing doubles

        var lines = await File.ReadAllLinesAsync(plan);
        Assert.Equal(3, lines.Length);
        await portal.WithDbAsync(async db =>
        {
            var interviews = await db.Interviews.ToListAsync();
            Assert.Equal(firstStart, interviews.Min(i => i.StartsAt), TimeSpan.FromMinutes(1));
            var invitable = lines.Select(l => int.Parse(l.Split(' ')[1])).ToList();
            Assert.All(interviews.Where(i => invitable.Contains(i.Id)), i => Assert.Equal(InterviewStatus.IdVerified, i.Status));
            Assert.Equal(3, interviews.Count(i => i.Status == InterviewStatus.IdVerified));
            // Every interview still Scheduled has exactly one T-20 notice, due 20 minutes before it starts.
            var notices = await db.Notifications.Where(n => n.Template == NoticeTemplates.PreExam).ToListAsync();
            Assert.Equal(297, notices.Count);
            Assert.All(notices, n => Assert.Equal(interviews.Single(i => i.Id == n.InterviewId).StartsAt.AddMinutes(-20), n.DueAt));
            Assert.All(notices, n => Assert.Equal(NotificationStatus.Pending, n.Status));
            var rooms = await db.ExamRooms.Where(r => r.AssistantUserId != null).CountAsync();
            Assert.Equal(5, rooms);
            Assert.True(await db.Users.AnyAsync(u => u.UserName == SeedExamMorning.SecretaryName && u.CollegeId != null));
        });
        // The seeded assistant signs in through the API like any other.
        await portal.ClientForStaffAsync(SeedExamMorning.AssistantName(0), "Bench#2026-morning");
    }

    public void Dispose()
    {
        portal.Dispose();
        GC.SuppressFinalize(this);
    }
}
