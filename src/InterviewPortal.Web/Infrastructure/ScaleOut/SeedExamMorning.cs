using System.Globalization;
using InterviewPortal.Data;
using InterviewPortal.Data.Access;
using InterviewPortal.Data.Interviews;
using InterviewPortal.Data.Notifications;
using InterviewPortal.Data.Staff;
using InterviewPortal.Web.Features.Notifications;
using InterviewPortal.Web.Infrastructure.Demo;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.Web.Infrastructure.ScaleOut;

/// <summary>
/// The exam-morning extras of `seed-bench` (bench/run-exam-morning.sh), after the college is seeded:
/// <c>--staff-password P</c> makes <c>bench-assistant-01..NN</c> (one per room, <c>--consoles</c>, default 50) and
/// <c>bench-secretary</c> (the college board); <c>--verified K</c> moves each console room's second interview to
/// IdVerified, up to K, so its assistant can invite it (written as "assistant interviewId" lines to <c>--plan-out</c>);
/// <c>--notices</c> stages every bench interview's T-20 notice as booking does. Each step runs once per database.
/// </summary>
public static class SeedExamMorning
{
    public const string AssistantPrefix = "bench-assistant-";
    public const string SecretaryName = "bench-secretary";

    public static bool IsRequested(string[] args) =>
        args.Contains("--staff-password") || args.Contains("--notices") || args.Contains("--verified");

    public static async Task RunAsync(IServiceProvider services, int collegeId, string[] args)
    {
        var consoles = int.Parse(Option(args, "--consoles") ?? "50", CultureInfo.InvariantCulture);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>().WithScope(AccessScope.System);
        var rooms = await db.ExamRooms.Where(r => r.CollegeId == collegeId).OrderBy(r => r.Id).Take(consoles).ToListAsync();
        if (Option(args, "--staff-password") is { } password)
            await StaffAsync(scope.ServiceProvider, db, collegeId, rooms, password);
        var plan = new List<string>();
        if (Option(args, "--verified") is { } verifiedOption)
            plan = await VerifyAsync(db, rooms, int.Parse(verifiedOption, CultureInfo.InvariantCulture));
        if (args.Contains("--notices"))
            await NoticesAsync(scope.ServiceProvider, db, collegeId);
        if (Option(args, "--plan-out") is { } planOut)
            await File.WriteAllLinesAsync(planOut, plan);
    }

    private static async Task StaffAsync(IServiceProvider services, PortalDbContext db, int collegeId, List<Data.Rooms.ExamRoom> rooms, string password)
    {
        var users = services.GetRequiredService<UserManager<StaffUser>>();
        await DemoSeeder.EnsureRolesAsync(services.GetRequiredService<RoleManager<IdentityRole>>());
        await EnsureUserAsync(users, SecretaryName, StaffRoles.Secretary, collegeId, password);
        for (var r = 0; r < rooms.Count; r++)
        {
            var assistant = await EnsureUserAsync(users, AssistantName(r), StaffRoles.Assistant, null, password);
            rooms[r].AssistantUserId = assistant.Id;
        }
        await db.SaveChangesAsync();
        Console.WriteLine($"Staff: {SecretaryName} and {rooms.Count} assistants, one per room.");
    }

    public static string AssistantName(int roomIndex) => $"{AssistantPrefix}{roomIndex + 1:D2}";

    private static async Task<StaffUser> EnsureUserAsync(UserManager<StaffUser> users, string name, string role, int? collegeId, string password)
    {
        if (await users.FindByNameAsync(name) is { } existing)
            return existing;
        var user = new StaffUser { UserName = name, DisplayName = name, CollegeId = collegeId };
        var created = await users.CreateAsync(user, password);
        if (created.Succeeded)
            created = await users.AddToRoleAsync(user, role);
        if (!created.Succeeded)
            throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
        return user;
    }

    /// <summary>The second interview of each console room (the first keeps its T-20 notice): ID checked, ready to invite.</summary>
    private static async Task<List<string>> VerifyAsync(PortalDbContext db, List<Data.Rooms.ExamRoom> rooms, int count)
    {
        var plan = new List<string>();
        for (var r = 0; r < rooms.Count && plan.Count < count; r++)
        {
            var roomId = rooms[r].Id;
            var secondId = await db.Interviews.Where(i => i.ExamRoomId == roomId).OrderBy(i => i.StartsAt).Skip(1).Select(i => (int?)i.Id).FirstOrDefaultAsync();
            if (secondId is null)
                continue;
            // As its T-20 notice would have (the notice went out earlier that morning), then the ID photo and its check.
            await db.Interviews.Where(i => i.Id == secondId).MarkNotifiedAsync(DateTime.UtcNow, CancellationToken.None);
            var second = await db.Interviews.SingleAsync(i => i.Id == secondId);
            if (second.Status == InterviewStatus.Notified)
            {
                second.SubmitIdPhoto();
                second.VerifyId();
            }
            plan.Add($"{AssistantName(r)} {second.Id}");
        }
        await db.SaveChangesAsync();
        return plan;
    }

    /// <summary>Every bench interview's pre-exam notice, due at the settings' lead before it, as booking stages it.</summary>
    private static async Task NoticesAsync(IServiceProvider services, PortalDbContext db, int collegeId)
    {
        if (await db.Notifications.AnyAsync(n => n.Template == NoticeTemplates.PreExam && db.Interviews.Any(i => i.Id == n.InterviewId && i.CollegeId == collegeId)))
            return;
        var lead = (await Data.Settings.PortalSettings.CurrentAsync(db.Settings, CancellationToken.None)).NoticeLeadMinutes;
        var interviews = await db.Interviews.AsNoTracking().Where(i => i.CollegeId == collegeId && i.Status == InterviewStatus.Scheduled)
            .Select(i => new { i.Id, i.CandidateId, i.Candidate.Phone, i.StartsAt, i.ExamRoomId, i.Version }).ToListAsync();
        var outbox = services.GetRequiredService<CandidateOutbox>(); // on the same scoped context as db
        await using var transaction = await db.Database.BeginTransactionAsync();
        foreach (var chunk in interviews.Chunk(2000))
            await outbox.StageManyAsync(chunk.Select(i => PreExamNoticePlanner.Notice(i.Id, i.CandidateId, i.Phone, i.StartsAt,
                NoticeTemplates.PreExamKey(i.CandidateId, i.StartsAt, i.ExamRoomId, i.Version), lead)).ToList(), CancellationToken.None);
        await transaction.CommitAsync();
        Console.WriteLine($"Staged {interviews.Count} T-20 notices ({lead} minutes ahead).");
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
