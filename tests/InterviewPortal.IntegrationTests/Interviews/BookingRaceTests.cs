using System.Net;
using System.Net.Http.Json;
using InterviewPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.IntegrationTests.Interviews;

/// <summary>The conflict rules hold under concurrent writers: the lock row serialises the check and the insert on both databases.</summary>
public abstract class BookingRaceTests(PortalFactory portal)
{
    private readonly PlanningDesk desk = new(portal);

    [Fact]
    public async Task Sixteen_parallel_bookings_of_one_slot_give_exactly_one_success()
    {
        var room = await desk.RoomOfAsync("secretary1");
        var candidates = await desk.FreeCandidatesAsync("secretary1", 16);
        var clients = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => portal.ClientForStaffAsync("secretary1")));

        var responses = await Task.WhenAll(candidates.Select((candidate, n) =>
            clients[n].PostAsJsonAsync("/api/v1/interviews", PlanningDesk.Booking(candidate, room, "2030-06-01T09:00:00+08:00", 30))));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(15, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        var start = new DateTime(2030, 6, 1, 1, 0, 0, DateTimeKind.Utc);
        Assert.Equal(1, await portal.WithDbAsync(db => db.Interviews.CountAsync(i => i.ExamRoomId == room && i.StartsAt == start)));
    }

    [Fact]
    public async Task One_candidate_booked_into_two_rooms_at_once_gets_one_interview()
    {
        var client = await portal.ClientForStaffAsync("secretary1");
        var rooms = new[] { await desk.RoomOfAsync("secretary1"), await desk.CreateRoomAsync(client, "并发考场 race") };
        var candidate = (await desk.FreeCandidatesAsync("secretary1", 1, skip: 16))[0];
        var other = await portal.ClientForStaffAsync("secretary1");

        var responses = await Task.WhenAll(
            client.PostAsJsonAsync("/api/v1/interviews", PlanningDesk.Booking(candidate, rooms[0], "2030-06-02T09:00:00+08:00", 30)),
            other.PostAsJsonAsync("/api/v1/interviews", PlanningDesk.Booking(candidate, rooms[1], "2030-06-02T09:10:00+08:00", 30)));

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
        Assert.Equal(1, await portal.WithDbAsync(db => db.Interviews.CountAsync(i => i.CandidateId == candidate)));
    }
}

public sealed class SqliteBookingRaceTests(SqlitePortalFactory portal) : BookingRaceTests(portal), IClassFixture<SqlitePortalFactory>;

public sealed class PostgresBookingRaceTests(PostgresPortalFactory portal) : BookingRaceTests(portal), IClassFixture<PostgresPortalFactory>;
