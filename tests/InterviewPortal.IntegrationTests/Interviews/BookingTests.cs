using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InterviewPortal.Data.Interviews;
using InterviewPortal.Data.Notifications;
using InterviewPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.IntegrationTests.Interviews;

public class BookingTests(SqlitePortalFactory portal) : IClassFixture<SqlitePortalFactory>
{
    private readonly PlanningDesk desk = new(portal);

    [Fact]
    public async Task Booking_rescheduling_and_cancelling_move_the_notice_and_a_cancelled_interview_frees_its_slot()
    {
        var client = await portal.ClientForStaffAsync("secretary1");
        var room = await desk.RoomOfAsync("secretary1");
        var free = await desk.FreeCandidatesAsync("secretary1", 2);
        var (first, second) = (free[0], free[1]);

        var booked = await client.PostAsJsonAsync("/api/v1/interviews", PlanningDesk.Booking(first, room, "2030-03-04T09:00:00+08:00", 20, "Rehearsal"));
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        var interview = await booked.Content.ReadFromJsonAsync<JsonElement>();
        var id = interview.GetProperty("id").GetInt32();
        Assert.Equal($"/api/v1/interviews/{id}", booked.Headers.Location?.OriginalString);
        Assert.Equal("2030-03-04T01:00:00Z", interview.GetProperty("startsAt").GetString());
        Assert.Equal("2030-03-04T09:00:00+08:00", interview.GetProperty("startsAtLocal").GetString());
        Assert.Equal("Rehearsal", interview.GetProperty("kind").GetString());
        Assert.Equal(new DateTime(2030, 3, 4, 0, 40, 0), await PendingNoticeDueAsync(id));

        var moved = await client.PutAsJsonAsync($"/api/v1/interviews/{id}", PlanningDesk.Booking(first, room, "2030-03-04T10:30:00+08:00", 25, "Rehearsal"));
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal(new DateTime(2030, 3, 4, 2, 10, 0), await PendingNoticeDueAsync(id));
        var notices = await portal.WithDbAsync(db => db.Notifications.Where(n => n.InterviewId == id).Select(n => n.Status).ToListAsync());
        Assert.Equal([NotificationStatus.Pending, NotificationStatus.Cancelled], notices.Order());

        var taken = await client.PostAsJsonAsync("/api/v1/interviews", PlanningDesk.Booking(second, room, "2030-03-04T10:40:00+08:00"));
        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);

        var cancelled = await client.PostAsJsonAsync($"/api/v1/interviews/{id}/cancel", new { reason = "candidate withdrew" });
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal("Cancelled", (await cancelled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Null(await PendingNoticeDueAsync(id));

        var freed = await client.PostAsJsonAsync("/api/v1/interviews", PlanningDesk.Booking(second, room, "2030-03-04T10:40:00+08:00"));
        Assert.Equal(HttpStatusCode.Created, freed.StatusCode);

        var day = await client.GetFromJsonAsync<JsonElement>($"/api/v1/interviews?roomId={room}&date=2030-03-04&status=Scheduled");
        Assert.Equal(1, day.GetProperty("total").GetInt32());
        Assert.Equal(second, day.GetProperty("items")[0].GetProperty("candidateId").GetInt32());
    }

    [Fact]
    public async Task Each_kind_of_overlap_is_a_409_that_names_the_other_interview()
    {
        var client = await portal.ClientForStaffAsync("secretary1");
        var room = await desk.RoomOfAsync("secretary1");
        var spare = await desk.CreateRoomAsync(client, "第二考场 overlap");
        var sameAssistant = await desk.CreateRoomAsync(client, "第三考场 overlap", "assistant1");
        var c = await desk.FreeCandidatesAsync("secretary1", 4, skip: 4);

        var first = await client.PostAsJsonAsync("/api/v1/interviews", PlanningDesk.Booking(c[0], room, "2030-03-05T09:00:00+08:00", 30));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var firstId = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();

        // The same candidate in another room, the same room for another candidate, and the same assistant's other room.
        var candidateClash = await client.PostAsJsonAsync("/api/v1/interviews", PlanningDesk.Booking(c[0], spare, "2030-03-05T09:20:00+08:00"));
        var roomClash = await client.PostAsJsonAsync("/api/v1/interviews", PlanningDesk.Booking(c[1], room, "2030-03-05T08:45:00+08:00"));
        var assistantClash = await client.PostAsJsonAsync("/api/v1/interviews", PlanningDesk.Booking(c[2], sameAssistant, "2030-03-05T09:29:00+08:00"));
        foreach (var (response, reason) in new[] { (candidateClash, "Candidate"), (roomClash, "room is taken"), (assistantClash, "assistant is busy") })
        {
            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            var detail = (await PlanningDesk.ProblemAsync(response)).GetProperty("detail").GetString()!;
            Assert.Contains(reason, detail);
            Assert.Contains($"interview {firstId}", detail);
            Assert.Contains("2030-03-05 09:00", detail);
        }

        // Back to back is no overlap, and a room without that assistant is free at the same time.
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/v1/interviews", PlanningDesk.Booking(c[1], room, "2030-03-05T09:30:00+08:00"))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/v1/interviews", PlanningDesk.Booking(c[3], spare, "2030-03-05T09:00:00+08:00"))).StatusCode);
    }

    [Fact]
    public async Task Rescheduling_after_the_id_step_is_refused_and_another_colleges_candidate_cannot_be_booked()
    {
        var client = await portal.ClientForStaffAsync("secretary1");
        var room = await desk.RoomOfAsync("secretary1");
        var candidate = (await desk.FreeCandidatesAsync("secretary1", 1, skip: 8))[0];
        var booked = await client.PostAsJsonAsync("/api/v1/interviews", PlanningDesk.Booking(candidate, room, "2030-03-06T09:00:00+08:00"));
        var id = (await booked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        await portal.WithDbAsync(async db =>
        {
            var interview = await db.NotifyAsync(id);
            interview.SubmitIdPhoto();
            await db.SaveChangesAsync();
        });

        var moved = await client.PutAsJsonAsync($"/api/v1/interviews/{id}", PlanningDesk.Booking(candidate, room, "2030-03-06T11:00:00+08:00"));
        Assert.Equal(HttpStatusCode.Conflict, moved.StatusCode);
        Assert.Contains("IdSubmitted", (await PlanningDesk.ProblemAsync(moved)).GetProperty("detail").GetString());

        var stranger = (await desk.FreeCandidatesAsync("secretary2", 1))[0];
        var admin = await portal.ClientForStaffAsync("admin");
        var crossCollege = await admin.PostAsJsonAsync("/api/v1/interviews", PlanningDesk.Booking(stranger, room, "2030-03-06T14:00:00+08:00"));
        Assert.Equal(HttpStatusCode.Conflict, crossCollege.StatusCode);
        Assert.Contains("another college", (await PlanningDesk.ProblemAsync(crossCollege)).GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("""{ "roomId": 1, "startsAt": "2030-03-07T09:00:00+08:00", "durationMinutes": 20 }""", "candidateId")]
    [InlineData("""{ "candidateId": 1, "roomId": 1, "startsAt": "2030-03-07T09:00:00+08:00", "durationMinutes": 0 }""", "durationMinutes")]
    [InlineData("""{ "candidateId": 1, "roomId": 1, "startsAt": "2030-03-07T09:00:00", "durationMinutes": 20 }""", "startsAt")]
    [InlineData("""{ "candidateId": 1, "roomId": 1, "durationMinutes": 20 }""", "startsAt")]
    [InlineData("""{ "candidateId": 1, "roomId": 1, "startsAt": "2030-03-07T09:00:00+08:00", "durationMinutes": 20, "kind": "Party" }""", "kind")]
    [InlineData("""{ "candidateId": 1, "startsAt": "tomorrow", "durationMinutes": 20 }""", "roomId")]
    public async Task Bad_bookings_are_400_problems_naming_the_field(string body, string field)
    {
        var client = await portal.ClientForStaffAsync("secretary1");
        var response = await client.PostAsync("/api/v1/interviews", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await PlanningDesk.ProblemAsync(response)).GetProperty("errors").TryGetProperty(field, out _), $"errors should name {field}");

        var list = await client.GetAsync("/api/v1/interviews?date=2030-13-01");
        Assert.Equal(HttpStatusCode.BadRequest, list.StatusCode);
        Assert.True((await PlanningDesk.ProblemAsync(list)).GetProperty("errors").TryGetProperty("date", out _));
    }

    private Task<DateTime?> PendingNoticeDueAsync(int interviewId) => portal.WithDbAsync(db => db.Notifications
        .Where(n => n.InterviewId == interviewId && n.Status == NotificationStatus.Pending).Select(n => (DateTime?)n.DueAt).SingleOrDefaultAsync());
}
