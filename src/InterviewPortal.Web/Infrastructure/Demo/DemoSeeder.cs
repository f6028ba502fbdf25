using InterviewPortal.Data;
using InterviewPortal.Data.Candidates;
using InterviewPortal.Data.Colleges;
using InterviewPortal.Data.Interviews;
using InterviewPortal.Data.Rooms;
using InterviewPortal.Data.Settings;
using InterviewPortal.Data.Staff;
using InterviewPortal.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.Web.Infrastructure.Demo;

/// <summary>
/// Seeds the demo university into an empty database, only when Database:Demo is on (the embedded
/// default's launch profile). Never runs against a database that already has a college.
/// </summary>
public sealed class DemoSeeder(PortalDbContext db, UserManager<StaffUser> users, RoleManager<IdentityRole> roles, TimeProvider clock, ILogger<DemoSeeder> log)
{
    public const int CandidatesPerCollege = 36;

    public async Task SeedAsync(CancellationToken ct = default)
    {
        if (await db.Colleges.AnyAsync(ct))
            return;
        log.LogInformation("Seeding the demo university");
        await EnsureRolesAsync(roles);
        if (!await db.Settings.AnyAsync(ct))
            db.Settings.Add(new PortalSettings());

        var random = new Random(2026);
        var sequence = 0;
        for (var c = 0; c < DemoUniversity.Colleges.Length; c++)
        {
            var spec = DemoUniversity.Colleges[c];
            var college = new College { Code = spec.Code, Name = spec.Name };
            college.Majors.AddRange(spec.Majors.Select(m => new Major { Code = m.Code, Name = m.Name }));
            db.Colleges.Add(college);
            await db.SaveChangesAsync(ct);

            var secretary = await CreateStaffAsync($"secretary{c + 1}", $"{spec.Name}秘书", StaffRoles.Secretary, college.Id);
            var assistant = await CreateStaffAsync($"assistant{c + 1}", $"{spec.Name}考试助理", StaffRoles.Assistant, college.Id);
            _ = secretary;

            var room = new ExamRoom { CollegeId = college.Id, Name = spec.RoomName, AssistantUserId = assistant.Id, RecordSessions = c == 0 };
            room.Examiners.AddRange(spec.Examiners.Select(n => new Examiner { Name = n }));
            db.ExamRooms.Add(room);

            var candidates = new List<Candidate>();
            for (var i = 0; i < CandidatesPerCollege; i++, sequence++)
                candidates.Add(MakeCandidate(random, college.Majors[i % college.Majors.Count], sequence));
            db.Candidates.AddRange(candidates);
            await db.SaveChangesAsync(ct);

            ScheduleDemoInterviews(room, candidates);
            await db.SaveChangesAsync(ct);
        }
        await CreateStaffAsync("admin", "研究生院管理员", StaffRoles.Admin, null);
        await Features.Pledges.DemoPledge.SeedAsync(db, ct);
        log.LogInformation("Demo university ready: {Colleges} colleges, {Candidates} candidates", DemoUniversity.Colleges.Length, sequence);
    }

    public static async Task EnsureRolesAsync(RoleManager<IdentityRole> roles)
    {
        foreach (var role in StaffRoles.All)
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new IdentityRole(role));
    }

    /// <summary>Six interviews starting 30 minutes from now (so the T-20 notice is minutes away) and eight tomorrow morning.</summary>
    private void ScheduleDemoInterviews(ExamRoom room, List<Candidate> candidates)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var soon = new DateTime(now.Year, now.Month, now.Day, now.Hour, now.Minute / 5 * 5, 0, DateTimeKind.Utc).AddMinutes(30);
        var tomorrow = BeijingTime.FromLocal(BeijingTime.Today(clock).AddDays(1).ToDateTime(new TimeOnly(9, 0)));
        for (var i = 0; i < 6; i++)
            db.Interviews.Add(Interview.Book(candidates[i], room, soon.AddMinutes(i * 25), 20, InterviewKind.Exam));
        for (var i = 0; i < 8; i++)
            db.Interviews.Add(Interview.Book(candidates[6 + i], room, tomorrow.AddMinutes(i * 25), 20, InterviewKind.Exam));
    }

    private static Candidate MakeCandidate(Random random, Major major, int sequence)
    {
        var name = DemoUniversity.FamilyNames[random.Next(DemoUniversity.FamilyNames.Length)]
                   + DemoUniversity.GivenNames[random.Next(DemoUniversity.GivenNames.Length)];
        var birth = new DateOnly(1996, 1, 1).AddDays(random.Next(0, 365 * 7));
        var region = DemoUniversity.Regions[random.Next(DemoUniversity.Regions.Length)];
        var phone = DemoUniversity.MobilePrefixes[sequence % DemoUniversity.MobilePrefixes.Length] + (10_000_000 + sequence * 7919 % 89_999_999).ToString("D8", System.Globalization.CultureInfo.InvariantCulture);
        var candidate = new Candidate
        {
            ExamNumber = $"104872026{sequence + 1:D6}",
            Name = name,
            IdNumber = ChineseIds.Make(region, birth, sequence),
            Phone = phone,
        };
        candidate.AssignMajor(major);
        return candidate;
    }

    private async Task<StaffUser> CreateStaffAsync(string userName, string displayName, string role, int? collegeId)
    {
        var user = new StaffUser { UserName = userName, DisplayName = displayName, CollegeId = role == StaffRoles.Secretary ? collegeId : null };
        Check(await users.CreateAsync(user, DemoUniversity.Password), userName);
        Check(await users.AddToRoleAsync(user, role), userName);
        return user;
    }

    private static void Check(IdentityResult result, string userName)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException($"Could not create demo user {userName}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
    }
}
