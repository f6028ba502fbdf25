using System.Globalization;
using InterviewPortal.Data;
using InterviewPortal.Data.Access;
using InterviewPortal.Data.Candidates;
using InterviewPortal.Data.Colleges;
using InterviewPortal.Data.Interviews;
using InterviewPortal.Data.Rooms;
using InterviewPortal.Web.Features.CandidateAuth;
using InterviewPortal.Web.Infrastructure.Auth;
using InterviewPortal.Web.Infrastructure.Database;
using InterviewPortal.Web.Infrastructure.Demo;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InterviewPortal.Web.Infrastructure.ScaleOut;

/// <summary>
/// `InterviewPortal.Web seed-bench [--candidates 20000] [--tokens 64 --tokens-out FILE]`: fills a benchmark
/// college (code BENCH) with candidates, 100 rooms and one interview per candidate, then writes candidate
/// bearer tokens, one a line, made by the same protector the sign-in uses (keys in the database, so the
/// server process accepts them). Seeds only once per database; tokens are minted on every run.
/// <c>--first-start 2026-06-01T01:00:00Z</c> puts the first slot of every room there (default: two days ahead);
/// the exam-morning options are <see cref="SeedExamMorning"/>'s.
/// </summary>
public static class SeedBenchCommand
{
    public const string CollegeCode = "BENCH";
    private const int Rooms = 100;
    private const int Batch = 2000;

    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] == "seed-bench";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        var count = int.Parse(Option(args, "--candidates") ?? "20000", CultureInfo.InvariantCulture);
        var tokens = int.Parse(Option(args, "--tokens") ?? "0", CultureInfo.InvariantCulture);
        var tokensOut = Option(args, "--tokens-out");
        if (count is < 1 or > 1_000_000 || tokens < 0 || (tokens > 0 && string.IsNullOrWhiteSpace(tokensOut)))
        {
            await Console.Error.WriteLineAsync("usage: seed-bench [--candidates 1..1000000] [--tokens N --tokens-out FILE]");
            return 2;
        }
        await services.MigratePortalDatabaseAsync();
        var options = services.GetRequiredService<DbContextOptions<PortalDbContext>>();
        var firstStart = Option(args, "--first-start") is { } start
            ? DateTime.Parse(start, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal)
            : DateTime.UtcNow.Date.AddDays(2).AddHours(1);
        var candidates = await SeedAsync(options, count, firstStart);
        if (SeedExamMorning.IsRequested(args))
        {
            await using var db = new PortalDbContext(options).WithScope(AccessScope.System);
            await SeedExamMorning.RunAsync(services, await db.Colleges.Where(c => c.Code == CollegeCode).Select(c => c.Id).SingleAsync(), args);
        }
        if (tokens > 0)
        {
            var protector = services.GetRequiredService<IOptionsMonitor<BearerTokenOptions>>().Get(AuthSchemes.Bearer).BearerTokenProtector;
            var lines = candidates.Take(tokens).Select(c => MintCandidateToken(protector, c));
            await File.WriteAllLinesAsync(tokensOut!, lines);
            Console.WriteLine($"Wrote {Math.Min(tokens, candidates.Count)} candidate tokens to {tokensOut}.");
        }
        return 0;
    }

    private static async Task<List<VerifiedCandidate>> SeedAsync(DbContextOptions<PortalDbContext> options, int count, DateTime firstStart)
    {
        await using var db = new PortalDbContext(options).WithScope(AccessScope.System);
        var college = await db.Colleges.Include(c => c.Majors).FirstOrDefaultAsync(c => c.Code == CollegeCode);
        if (college is null)
        {
            college = new College { Code = CollegeCode, Name = "基准测试学院" };
            college.Majors.AddRange(Enumerable.Range(0, 4).Select(m => new Major { Code = $"0812{m:D2}", Name = $"基准专业{m + 1}" }));
            db.Colleges.Add(college);
            db.ExamRooms.AddRange(Enumerable.Range(1, Rooms).Select(r => new ExamRoom { CollegeId = college.Id, College = college, Name = $"基准考场{r:D3}" }));
            await db.SaveChangesAsync();
            await InsertCandidatesAsync(options, college.Id, count, firstStart);
            Console.WriteLine($"Seeded {count} candidates and {count} interviews in college {CollegeCode}.");
        }
        else
        {
            Console.WriteLine($"College {CollegeCode} already seeded; minting tokens only.");
        }
        var seeded = await db.Candidates.Where(c => c.CollegeId == college.Id).OrderBy(c => c.Id)
            .Select(c => new { c.Id, c.ExamNumber, c.SessionStamp }).ToListAsync();
        return seeded.ConvertAll(c => new VerifiedCandidate(c.Id, c.ExamNumber, c.SessionStamp));
    }

    /// <summary>Batches with a fresh context each, so the change tracker never holds 20,000 entities.</summary>
    private static async Task InsertCandidatesAsync(DbContextOptions<PortalDbContext> options, int collegeId, int count, DateTime firstDay)
    {
        List<Major> majors;
        List<ExamRoom> rooms;
        await using (var db = new PortalDbContext(options).WithScope(AccessScope.System))
        {
            majors = await db.Majors.AsNoTracking().Where(m => m.CollegeId == collegeId).OrderBy(m => m.Id).ToListAsync();
            rooms = await db.ExamRooms.AsNoTracking().Where(r => r.CollegeId == collegeId).OrderBy(r => r.Id).ToListAsync();
        }
        for (var start = 0; start < count; start += Batch)
        {
            await using var db = new PortalDbContext(options).WithScope(AccessScope.System);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var candidates = Enumerable.Range(start, Math.Min(Batch, count - start)).Select(i => MakeCandidate(i, majors[i % majors.Count])).ToList();
            db.Candidates.AddRange(candidates);
            await db.SaveChangesAsync();
            for (var k = 0; k < candidates.Count; k++)
            {
                var i = start + k;
                var room = rooms[i % rooms.Count];
                db.ExamRooms.Attach(room);
                // Each room runs its candidates back to back, 20 minutes plus a 5-minute break: no overlaps.
                db.Interviews.Add(Interview.Book(candidates[k], room, firstDay.AddMinutes(i / rooms.Count * 25), 20, InterviewKind.Exam));
            }
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync();
        }
    }

    private static Candidate MakeCandidate(int i, Major major)
    {
        return new Candidate
        {
            ExamNumber = $"20269{i:D10}",
            Name = DemoUniversity.FamilyNames[i % DemoUniversity.FamilyNames.Length] + DemoUniversity.GivenNames[i / 20 % DemoUniversity.GivenNames.Length],
            // Born 1985 onwards, 1,000 sequence numbers a day: unique, and apart from the demo university's.
            IdNumber = ChineseIds.Make("110101", new DateOnly(1985, 1, 1).AddDays(i / 1000), i),
            Phone = $"170{i:D8}",
            // Ids only: the major is not tracked by this batch's context and must not be inserted again.
            MajorId = major.Id,
            CollegeId = major.CollegeId,
        };
    }

    /// <summary>The principal the candidate sign-in makes (CandidatePrincipal), as a bearer token.</summary>
    internal static string MintCandidateToken(ISecureDataFormat<AuthenticationTicket> protector, VerifiedCandidate candidate)
    {
        var properties = new AuthenticationProperties { ExpiresUtc = DateTimeOffset.UtcNow.AddHours(4) };
        return protector.Protect(new AuthenticationTicket(CandidatePrincipal.Create(candidate, AuthSchemes.Bearer), properties, AuthSchemes.Bearer));
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
