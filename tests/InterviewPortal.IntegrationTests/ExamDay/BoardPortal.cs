using InterviewPortal.Data;
using InterviewPortal.Data.Interviews;
using InterviewPortal.Data.Notifications;
using InterviewPortal.Data.Rooms;
using InterviewPortal.IntegrationTests.Infrastructure;
using InterviewPortal.Web.Infrastructure.Database;
using InterviewPortal.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewPortal.IntegrationTests.ExamDay;

/// <summary>The seeded day the board tests read: ids by name ("A 11:50" is college A's interview at 11:50 Beijing time).</summary>
public sealed record BoardDay(int CollegeA, int CollegeB, int RoomOne, int RoomTwo, IReadOnlyDictionary<string, int> Interviews);

/// <summary>
/// The demo portal with its clock moved forward to noon, Beijing time (so "today" has a morning behind it and an
/// afternoon ahead whenever the tests run), no background jobs (nothing moves the seeded states or messages), and
/// one known day: the demo's own interviews of today cancelled, then interviews in every state across two colleges.
/// </summary>
public class BoardPortal : PortalFactory
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private BoardDay? day;

    protected BoardPortal(DatabaseProvider provider) : base(provider)
    {
        Settings["Jobs:Server"] = "false";
        var now = DateTime.UtcNow;
        var noon = BeijingTime.FromLocal(BeijingTime.Today(TimeProvider.System).ToDateTime(new TimeOnly(12, 0)));
        if (noon < now)
            noon = noon.AddDays(1); // only ever forward: keys and tokens made before stay valid
        Clock.Advance(noon - now);
    }

    public ShiftableClock Clock { get; } = new();

    /// <summary>UTC time of a Beijing wall-clock time on the portal's today.</summary>
    public DateTime At(int hour, int minute) =>
        BeijingTime.FromLocal(BeijingTime.Today(Clock).ToDateTime(new TimeOnly(hour, minute)));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    public async Task<BoardDay> DayAsync()
    {
        await gate.WaitAsync();
        try
        {
            return day ??= await WithDbAsync(SeedAsync);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<BoardDay> SeedAsync(PortalDbContext db)
    {
        var (from, to) = BeijingTime.DayRange(BeijingTime.Today(Clock));
        foreach (var demo in await db.Interviews.Where(i => i.StartsAt >= from && i.StartsAt < to).ToListAsync())
            demo.Cancel("board tests: a known day");
        var a = await db.Users.Where(u => u.UserName == "secretary1").Select(u => u.CollegeId!.Value).FirstAsync();
        var b = await db.Users.Where(u => u.UserName == "secretary2").Select(u => u.CollegeId!.Value).FirstAsync();
        var roomOne = await db.ExamRooms.Where(r => r.Assistant!.UserName == "assistant1").FirstAsync();
        var roomTwo = new ExamRoom { CollegeId = a, Name = "乙考场" };
        var roomB = await db.ExamRooms.Where(r => r.CollegeId == b).FirstAsync();
        db.ExamRooms.Add(roomTwo);
        await db.SaveChangesAsync();

        var plan = new (string Name, ExamRoom Room, int Hour, int Minute, InterviewStatus Status)[]
        {
            ("A 09:00", roomOne, 9, 0, InterviewStatus.Completed), ("A 09:30", roomOne, 9, 30, InterviewStatus.Ended),
            ("A 10:00", roomOne, 10, 0, InterviewStatus.Absent), ("A 11:40", roomOne, 11, 40, InterviewStatus.InProgress),
            ("A 13:00", roomOne, 13, 0, InterviewStatus.Scheduled), ("A 14:00", roomOne, 14, 0, InterviewStatus.Scheduled),
            ("A2 09:00", roomTwo, 9, 0, InterviewStatus.Completed), ("A2 11:30", roomTwo, 11, 30, InterviewStatus.Interrupted),
            ("A2 11:50", roomTwo, 11, 50, InterviewStatus.IdVerified), ("A2 11:55", roomTwo, 11, 55, InterviewStatus.Scheduled),
            ("A2 15:00", roomTwo, 15, 0, InterviewStatus.Scheduled),
            ("B 10:00", roomB, 10, 0, InterviewStatus.Completed), ("B 11:00", roomB, 11, 0, InterviewStatus.IdVerified),
        };
        var free = new Dictionary<int, Queue<Data.Candidates.Candidate>>
        {
            [a] = new(await db.Candidates.Where(c => c.CollegeId == a && !c.Interviews.Any()).OrderBy(c => c.Id).Take(11).ToListAsync()),
            [b] = new(await db.Candidates.Where(c => c.CollegeId == b && !c.Interviews.Any()).OrderBy(c => c.Id).Take(2).ToListAsync()),
        };
        var booked = plan.Select(p => (p, Interview: Interview.Book(free[p.Room.CollegeId].Dequeue(), p.Room, At(p.Hour, p.Minute), 20, InterviewKind.Exam))).ToList();
        db.Interviews.AddRange(booked.Select(x => x.Interview));
        await db.SaveChangesAsync();

        var now = Clock.GetUtcNow().UtcDateTime;
        foreach (var (p, booking) in booked.Where(x => x.p.Status is not (InterviewStatus.Scheduled or InterviewStatus.Absent)))
        {
            var interview = await db.NotifyAsync(booking.Id);
            interview.SubmitIdPhoto();
            interview.VerifyId();
            if (p.Status == InterviewStatus.IdVerified)
                continue;
            interview.Invite(now);
            interview.AcceptRoomScan(now);
            if (p.Status == InterviewStatus.Interrupted)
                interview.Interrupt();
            else if (p.Status is InterviewStatus.Completed or InterviewStatus.Ended)
                interview.Complete(now);
            if (p.Status == InterviewStatus.Ended)
                interview.End(now);
        }
        booked.Single(x => x.p.Name == "A 10:00").Interview.MarkAbsent(now);
        var ids = booked.ToDictionary(x => x.p.Name, x => x.Interview.Id);
        // One failed invitation in each college; an earlier failed attempt that a later one replaced does not count.
        db.MeetingInvitations.AddRange(
            new MeetingInvitation { InterviewId = ids["A2 11:50"], Status = InvitationStatus.Failed, LastError = "WeLink timeout", Attempts = 3 },
            new MeetingInvitation { InterviewId = ids["B 11:00"], Status = InvitationStatus.Failed, LastError = "WeLink timeout", Attempts = 3 },
            new MeetingInvitation { InterviewId = ids["A 11:40"], Status = InvitationStatus.Failed, LastError = "first try", Attempts = 3 },
            new MeetingInvitation { InterviewId = ids["A 11:40"], Status = InvitationStatus.Sent, Attempts = 1 });
        // Messages: one failed today within the hour, one failed yesterday, one sent within the hour, one two hours
        // ago, one overdue and one merely due.
        db.Notifications.AddRange(
            Message("failed-now", NotificationStatus.Failed, due: now.AddMinutes(-15), claimed: now.AddMinutes(-10)),
            Message("failed-yesterday", NotificationStatus.Failed, due: now.AddDays(-1), claimed: now.AddDays(-1)),
            Message("sent-now", NotificationStatus.Sent, due: now.AddMinutes(-5), sent: now.AddMinutes(-5)),
            Message("sent-earlier", NotificationStatus.Sent, due: now.AddHours(-2), sent: now.AddHours(-2)),
            Message("overdue", NotificationStatus.Pending, due: now.AddMinutes(-10)),
            Message("due-later", NotificationStatus.Pending, due: now.AddMinutes(30)));
        await db.SaveChangesAsync();
        return new BoardDay(a, b, roomOne.Id, roomTwo.Id, ids);
    }

    private static Notification Message(string key, NotificationStatus status, DateTime due, DateTime? claimed = null, DateTime? sent = null) => new()
    {
        Recipient = "13800000000", Template = "Decision", IdempotencyKey = $"board-test:{key}", Status = status, DueAt = due,
        ClaimedAt = claimed, SentAt = sent, Attempts = status == NotificationStatus.Pending ? 0 : 1,
    };
}

public sealed class SqliteBoardPortal() : BoardPortal(DatabaseProvider.Sqlite);

public sealed class PostgresBoardPortal() : BoardPortal(DatabaseProvider.PostgreSql);
