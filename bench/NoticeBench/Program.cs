// T-20 notice benchmark (not a test): N interviews whose notices fall due over a compressed
// afternoon, sent through the HTTP gateway to the fake WeLink server; the portal is stopped and a
// new one started on the same database half-way. Prints lateness p50/p99, duplicates and losses.
// Usage: dotnet run -c Release --project bench/NoticeBench -- [count=10000] [spreadSeconds=300] [marginSeconds=30] [Sqlite|PostgreSql]
// (margin: seconds from the start of booking the interviews to the first due notice; the booking must fit in it).
using System.Globalization;
using InterviewPortal.Data;
using InterviewPortal.Data.Candidates;
using InterviewPortal.Data.Interviews;
using InterviewPortal.Data.Notifications;
using InterviewPortal.IntegrationTests.FakeWeLink;
using InterviewPortal.IntegrationTests.Infrastructure;
using InterviewPortal.IntegrationTests.WeLink;
using InterviewPortal.Web.Features.Notifications;
using InterviewPortal.Web.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
var spread = TimeSpan.FromSeconds(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 300);
await using var fake = await FakeWeLinkServer.StartAsync();

var provider = args.Length > 3 ? Enum.Parse<DatabaseProvider>(args[3], ignoreCase: true) : DatabaseProvider.Sqlite;

PortalFactory Portal(string? connection = null, string? root = null)
{
    var p = new PortalFactory(provider);
    foreach (var (k, v) in HttpWeLinkGatewayTests.HttpGatewaySettings(fake))
        p.Settings[k] = v;
    p.Settings["Serilog:MinimumLevel:Default"] = "Warning";
    p.Settings["Logging:LogLevel:Default"] = "Warning";
    if (connection is not null)
    {
        p.Settings["ConnectionStrings:Portal"] = connection;
        p.Settings["Storage:Root"] = root;
    }
    return p;
}

var first = Portal();
_ = first.Server;
const int lead = 20; // minutes: the portal's default notice lead (Settings.NoticeLeadMinutes)
var margin = TimeSpan.FromSeconds(args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 30);
Console.WriteLine($"Booking {count} interviews on {provider} ...");
var booking = System.Diagnostics.Stopwatch.StartNew();
await first.WithDbAsync(async db =>
{
    var major = await db.Majors.OrderBy(m => m.Id).FirstAsync();
    for (var i = 0; i < count; i += 1000)
    {
        for (var j = i; j < Math.Min(count, i + 1000); j++)
        {
            db.Candidates.Add(new Candidate
            {
                ExamNumber = (900000000000000L + j).ToString(CultureInfo.InvariantCulture),
                Name = $"压测{j}", IdNumber = $"B{j:D17}", Phone = (19900000000L + j).ToString(CultureInfo.InvariantCulture),
                MajorId = major.Id, CollegeId = major.CollegeId, // ids only: the major is not tracked after the batch's Clear()
            });
        }
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
    }
});

// The due window opens only after the booking: the interviews and their notice rows are written in bulk,
// exactly as PreExamNoticePlanner stages them after a booking (linked row, key from the interview), so
// no notice is born overdue. The margin covers the booking itself; the bench checks it held.
var start = DateTime.UtcNow + margin;
await first.WithDbAsync(async db =>
{
    var ids = await db.Candidates.Where(c => c.ExamNumber.StartsWith("9000")).OrderBy(c => c.Id).Select(c => c.Id).ToListAsync();
    for (var i = 0; i < count; i += 1000)
    {
        var room = await db.ExamRooms.OrderBy(r => r.Id).FirstAsync(); // tracked again after each batch's Clear()
        var slice = ids.Skip(i).Take(1000).ToList();
        var batch = await db.Candidates.Where(c => slice.Contains(c.Id)).OrderBy(c => c.Id).ToListAsync();
        var interviews = batch.Select((c, k) => Interview.Book(c, room,
            DateTime.SpecifyKind((start + spread * ((double)(i + k) / count)).AddMinutes(lead), DateTimeKind.Utc), 20, InterviewKind.Exam)).ToList();
        db.Interviews.AddRange(interviews);
        await db.SaveChangesAsync();
        db.Notifications.AddRange(interviews.Select(v => new Notification
        {
            Recipient = v.Candidate.Phone, Template = NoticeTemplates.PreExam, InterviewId = v.Id, CandidateId = v.CandidateId,
            DueAt = v.StartsAt.AddMinutes(-lead), IdempotencyKey = NoticeTemplates.PreExamKey(v),
        }));
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
    }
});
var booked = DateTime.UtcNow;
Console.WriteLine($"Booked in {booking.Elapsed.TotalSeconds:F1} s; first notice due {start:HH:mm:ss.f}, {(start - booked).TotalSeconds:F1} s after the booking finished"
    + (booked > start ? " -- MARGIN TOO SHORT, early notices were born overdue" : "") + $"; due over {spread.TotalSeconds} s.");

// Stop the first portal half-way through the due window; a second one takes over the same database.
var half = start + spread / 2;
while (DateTime.UtcNow < half)
    await Task.Delay(500);
var sentBefore = await first.WithDbAsync(db => db.Notifications.CountAsync(n => n.Status == NotificationStatus.Sent));
var stopped = new TaskCompletionSource();
var lifetime = first.Services.GetRequiredService<IHostApplicationLifetime>();
lifetime.ApplicationStopped.Register(() => stopped.TrySetResult());
lifetime.StopApplication();
await stopped.Task;
Console.WriteLine($"{DateTime.UtcNow:HH:mm:ss} first portal stopped with {sentBefore} sent; starting the second.");
var restartAt = DateTime.UtcNow;
using var second = Portal(first.Database.ConnectionString, first.Database.Folder);
_ = second.Server;
Console.WriteLine($"Second portal up in {(DateTime.UtcNow - restartAt).TotalSeconds:F1} s.");

var end = start + spread + TimeSpan.FromSeconds(90);
while (DateTime.UtcNow < end && await second.WithDbAsync(db => db.Notifications.CountAsync(n => n.Status == NotificationStatus.Pending || n.Status == NotificationStatus.Sending)) > 0)
    await Task.Delay(2000);

var rows = await second.WithDbAsync(db => db.Notifications.AsNoTracking().Where(n => n.Recipient.StartsWith("199")).ToListAsync());
var lateness = rows.Where(n => n.SentAt is not null).Select(n => (n.SentAt!.Value - n.DueAt).TotalSeconds).Order().ToList();
double P(double q) => lateness.Count == 0 ? double.NaN : lateness[(int)Math.Min(lateness.Count - 1, Math.Ceiling(q * lateness.Count) - 1)];
var messages = fake.To("/api/messages/v2/card/common").Where(r => r.Body is not null)
    .GroupBy(r => r.Body!["toUserList"]![0]!.ToString()).ToList();
Console.WriteLine($"notices {rows.Count}, sent {lateness.Count}, not sent {rows.Count(n => n.Status != NotificationStatus.Sent)} ({string.Join(", ", rows.Where(n => n.Status != NotificationStatus.Sent).GroupBy(n => n.Status).Select(g => $"{g.Key} {g.Count()}"))})");
Console.WriteLine($"recipients messaged {messages.Count}, messaged more than once {messages.Count(g => g.Count() > 1)}");
Console.WriteLine($"lateness s: p50 {P(0.5):F2}, p90 {P(0.9):F2}, p99 {P(0.99):F2}, max {(lateness.Count > 0 ? lateness[^1] : double.NaN):F2}; late-flagged {rows.Count(n => n.Late)}");
second.Dispose(); // before the first drops the (PostgreSQL) database under it
await first.DisposeAsync();
