using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using InterviewPortal.Data.Candidates;
using InterviewPortal.Data.Interviews;
using InterviewPortal.Data.Rooms;
using InterviewPortal.IntegrationTests.Infrastructure;
using InterviewPortal.Web.Features.Interviews;
using InterviewPortal.Web.Infrastructure.Database;
using InterviewPortal.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace InterviewPortal.IntegrationTests.Interviews;

/// <summary>
/// GET /Schedule?date=… for a college with 10 rooms × 40 interviews that day, signed in as its secretary: server time
/// (a middleware first in the pipeline, around everything the app does for the request, so no client or network in it)
/// as p50/p95/p99 over PORTAL_BENCH_REQUESTS requests after a warm-up. Runs only with PORTAL_BENCHMARKS=1
/// (bench/schedule-page.sh); a small page of the same app, requested in turn, gives the floor under the same load.
/// It checks only the status and that all 400 candidates are on the page, so it keeps
/// working whatever the page's markup becomes.
/// </summary>
public abstract partial class SchedulePageBenchmark(SchedulePageBenchmark.TimedPortal portal, ITestOutputHelper output)
{
    private const int Rooms = 10, PerRoom = 40, WarmUp = 20;
    private const string Day = "2033-03-01";

    [BenchmarkFact]
    public async Task Schedule_page_of_a_college_with_10_rooms_and_400_interviews()
    {
        var requests = int.TryParse(Environment.GetEnvironmentVariable("PORTAL_BENCH_REQUESTS"), out var n) ? n : 200;
        await SeedAsync();
        var client = portal.CreateClient();
        await client.SignInStaffAsync("secretary1");

        var (server, roundTrip, floor, query) = (new List<double>(), new List<double>(), new List<double>(), new List<double>());
        var college = await portal.WithDbAsync(db => db.Users.Where(u => u.UserName == "secretary1").Select(u => u.CollegeId!.Value).FirstAsync());
        var (from, to) = BeijingTime.DayRange(DateOnly.Parse(Day, CultureInfo.InvariantCulture));
        for (var i = 0; i < WarmUp + requests; i++)
        {
            // The page's data alone: the day's rows as the schedule handler reads them, without rendering.
            var queryMs = await portal.WithDbAsync(async db =>
            {
                var start = Stopwatch.GetTimestamp();
                var rooms = await new ReadScheduleHandler(db).HandleAsync(null, college, from, to, includeCancelled: true, CancellationToken.None);
                Assert.Equal(Rooms * PerRoom, rooms.Sum(r => r.Rows.Count(x => x.CandidateName.StartsWith("页面基准", StringComparison.Ordinal))));
                return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            });
            if (i >= WarmUp)
                query.Add(queryMs);

            // The floor, interleaved so it sees the same load: a small page of the same app (layout, sign-in, one query).
            var small = await client.GetAsync("/Schedule/Print");
            Assert.Equal(HttpStatusCode.OK, small.StatusCode);
            Assert.True(portal.Times.TryDequeue(out var floorMs));
            if (i >= WarmUp)
                floor.Add(floorMs);

            var watch = Stopwatch.StartNew();
            var response = await client.GetAsync($"/Schedule?date={Day}");
            var html = await response.Content.ReadAsStringAsync();
            watch.Stop();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(portal.Times.TryDequeue(out var serverMs));
            if (i == 0)
                Assert.Equal(Rooms * PerRoom, BenchName().Matches(html).Select(m => m.Value).Distinct().Count());
            if (i >= WarmUp)
                (server, roundTrip) = (Add(server, serverMs), Add(roundTrip, watch.Elapsed.TotalMilliseconds));
        }

        output.WriteLine($"schedule page ({portal.Provider}), {Rooms} rooms × {PerRoom} interviews, {requests} requests after {WarmUp} warm-up: "
            + $"server p50 {P(server, 50):F1} ms, p95 {P(server, 95):F1} ms, p99 {P(server, 99):F1} ms, max {server.Max():F1} ms; "
            + $"in-process round trip p50 {P(roundTrip, 50):F1} ms, p95 {P(roundTrip, 95):F1} ms; "
            + $"floor (GET /Schedule/Print, the room choice) server p50 {P(floor, 50):F1} ms, p95 {P(floor, 95):F1} ms; "
            + $"the day's rows alone (ReadScheduleHandler, no rendering) p50 {P(query, 50):F1} ms, p95 {P(query, 95):F1} ms");
        output.WriteLine($"machine: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, "
            + $"{System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}, load {LoadAverage()}");
    }

    private static List<double> Add(List<double> list, double value)
    {
        list.Add(value);
        return list;
    }

    /// <summary>Nearest-rank percentile.</summary>
    private static double P(List<double> values, int percentile)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    /// <summary>10 rooms of secretary1's college, each with 40 ten-minute exams that day (08:00–16:00 Beijing time).</summary>
    private Task SeedAsync() => portal.WithDbAsync(async db =>
    {
        var college = await db.Users.Where(u => u.UserName == "secretary1").Select(u => u.CollegeId!.Value).FirstAsync();
        var major = await db.Majors.Where(m => m.CollegeId == college).OrderBy(m => m.Id).FirstAsync();
        var rooms = Enumerable.Range(1, Rooms).Select(r => new ExamRoom
        {
            Name = $"基准考场 {r:D2}", CollegeId = college, Examiners = [new Examiner { Name = "张教授" }, new Examiner { Name = "李教授" }],
        }).ToList();
        var candidates = Enumerable.Range(0, Rooms * PerRoom).Select(c => new Candidate
        {
            ExamNumber = "88888" + c.ToString("D10", CultureInfo.InvariantCulture), Name = "页面基准" + c.ToString("D3", CultureInfo.InvariantCulture),
            IdNumber = "8" + c.ToString("D17", CultureInfo.InvariantCulture), Phone = "188" + c.ToString("D8", CultureInfo.InvariantCulture),
            MajorId = major.Id, CollegeId = college,
        }).ToList();
        db.ExamRooms.AddRange(rooms);
        db.Candidates.AddRange(candidates);
        await db.SaveChangesAsync();
        var first = new DateTime(2033, 3, 1, 0, 0, 0, DateTimeKind.Utc); // 08:00 Beijing time
        db.Interviews.AddRange(candidates.Select((c, k) => Interview.Book(c, rooms[k / PerRoom], first.AddMinutes(k % PerRoom * 12), 10, InterviewKind.Exam)));
        await db.SaveChangesAsync();
    });

    [GeneratedRegex("页面基准\\d{3}")]
    private static partial Regex BenchName();

    /// <summary>The demo portal with a first middleware that records each request's server time.</summary>
    public class TimedPortal(DatabaseProvider provider) : PortalFactory(provider)
    {
        public ConcurrentQueue<double> Times { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(s => s.AddSingleton<IStartupFilter>(new FirstMiddleware(Times)));
        }
    }

    private sealed class FirstMiddleware(ConcurrentQueue<double> times) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, nextMiddleware) =>
            {
                var start = Stopwatch.GetTimestamp();
                await nextMiddleware(context);
                if (context.Request.Path.StartsWithSegments("/Schedule"))
                    times.Enqueue(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            });
            next(app);
        };
    }
}

public sealed class SqliteTimedPortal() : SchedulePageBenchmark.TimedPortal(DatabaseProvider.Sqlite);

public sealed class PostgresTimedPortal() : SchedulePageBenchmark.TimedPortal(DatabaseProvider.PostgreSql);

public sealed class SqliteSchedulePageBenchmark(SqliteTimedPortal portal, ITestOutputHelper output)
    : SchedulePageBenchmark(portal, output), IClassFixture<SqliteTimedPortal>;

public sealed class PostgresSchedulePageBenchmark(PostgresTimedPortal portal, ITestOutputHelper output)
    : SchedulePageBenchmark(portal, output), IClassFixture<PostgresTimedPortal>;
