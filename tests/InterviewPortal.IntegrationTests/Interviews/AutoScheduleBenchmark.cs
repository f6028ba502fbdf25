using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using InterviewPortal.Data.Candidates;
using InterviewPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace InterviewPortal.IntegrationTests.Interviews;

/// <summary>Runs only when PORTAL_BENCHMARKS=1 (bench/schedule-benchmark.sh): a measurement, not a timed test.</summary>
public sealed class BenchmarkFactAttribute : FactAttribute
{
    public BenchmarkFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("PORTAL_BENCHMARKS") != "1")
            Skip = "A benchmark: run bench/schedule-benchmark.sh.";
    }
}

/// <summary>Auto-schedules 2,000 candidates into a room through POST /api/v1/rooms/{id}/schedule (the real handler, its lock, checks and notices) on SQLite.</summary>
public class AutoScheduleBenchmark(SqlitePortalFactory portal, ITestOutputHelper output) : IClassFixture<SqlitePortalFactory>
{
    private const int Count = 2000;

    [BenchmarkFact]
    public async Task Auto_schedule_2000_candidates()
    {
        var desk = new PlanningDesk(portal);
        var college = await desk.CollegeOfAsync("secretary1");
        var ids = await portal.WithDbAsync(async db =>
        {
            var major = await db.Majors.FirstAsync(m => m.CollegeId == college);
            var candidates = Enumerable.Range(0, Count).Select(n => new Candidate
            {
                ExamNumber = "99999" + n.ToString("D10", CultureInfo.InvariantCulture),
                Name = $"基准{n}",
                IdNumber = "9" + n.ToString("D17", CultureInfo.InvariantCulture),
                Phone = "199" + n.ToString("D8", CultureInfo.InvariantCulture),
                MajorId = major.Id,
                CollegeId = college,
            }).ToList();
            db.Candidates.AddRange(candidates);
            await db.SaveChangesAsync();
            return candidates.Select(c => c.Id).ToList();
        });
        var client = await portal.ClientForStaffAsync("secretary1");

        // Warm-up (JIT, query compilation, connection pool) with a small batch in its own room and year.
        await RunAsync(client, desk, ids.Take(50).ToList(), 2031);
        var timings = new List<double>();
        foreach (var year in new[] { 2032, 2033, 2034 })
            timings.Add(await RunAsync(client, desk, ids, year));

        // Direct handler call (no HTTP), for the breakdown the handler logs.
        var direct = await portal.WithDbAsync(async db =>
        {
            using var scope = portal.Services.CreateScope();
            var room = await desk.CreateRoomAsync(client, "基准考场 direct");
            var handler = new InterviewPortal.Web.Features.Interviews.AutoScheduleHandler(db,
                new InterviewPortal.Web.Features.Interviews.SlotGuard(db), new InterviewPortal.Web.Features.Notifications.PreExamNoticePlanner(db,
                    new InterviewPortal.Web.Features.Notifications.CandidateOutbox(db, scope.ServiceProvider.GetRequiredService<IServiceScopeFactory>(), TimeProvider.System,
                        Microsoft.Extensions.Logging.Abstractions.NullLogger<InterviewPortal.Web.Features.Notifications.CandidateOutbox>.Instance)), new OutputLogger(output));
            var watch = Stopwatch.StartNew();
            var outcome = await handler.HandleAsync(room, new(ids, null, "2035-03-01T08:30:00+08:00", 10, 0, null), CancellationToken.None);
            Assert.Equal(InterviewPortal.Web.Features.Shared.OutcomeKind.Success, outcome.Kind);
            return watch.Elapsed.TotalMilliseconds;
        });
        output.WriteLine($"direct handler call: {direct:F0} ms");
        timings.Sort();
        output.WriteLine($"auto-schedule {Count} candidates (SQLite, HTTP + handler): runs {string.Join(", ", timings.Select(t => $"{t:F0} ms"))}; median {timings[1]:F0} ms");
        output.WriteLine($"machine: {Environment.ProcessorCount} cores, {RuntimeInformationText()}");
        Assert.Equal(4 * Count + 50, await portal.WithDbAsync(db => db.Interviews.CountAsync(i => ids.Contains(i.CandidateId))));
    }

    private static async Task<double> RunAsync(HttpClient client, PlanningDesk desk, List<int> ids, int year)
    {
        var room = await desk.CreateRoomAsync(client, $"基准考场 {year}");
        var watch = Stopwatch.StartNew();
        var response = await client.PostAsJsonAsync($"/api/v1/rooms/{room}/schedule", new
        {
            candidateIds = ids, firstStartsAt = $"{year}-03-01T08:30:00+08:00", durationMinutes = 10, breakMinutes = 0,
        });
        watch.Stop();
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return watch.Elapsed.TotalMilliseconds;
    }

    private sealed class OutputLogger(ITestOutputHelper output) : Microsoft.Extensions.Logging.ILogger<InterviewPortal.Web.Features.Interviews.AutoScheduleHandler>
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;
        public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            output.WriteLine("handler: " + formatter(state, exception));
    }

    private static string RuntimeInformationText() =>
        $"{System.Runtime.InteropServices.RuntimeInformation.OSDescription}, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}";
}
