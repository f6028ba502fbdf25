using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InterviewPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.IntegrationTests.Interviews;

public class PlanningScopeTests(SqlitePortalFactory portal) : IClassFixture<SqlitePortalFactory>
{
    private readonly PlanningDesk desk = new(portal);

    [Fact]
    public async Task Another_colleges_secretary_cannot_read_change_or_export_rooms_and_interviews_through_the_api()
    {
        var room = await desk.RoomOfAsync("secretary1");
        var interview = await portal.WithDbAsync(db => db.Interviews.Where(i => i.ExamRoomId == room).Select(i => new { i.Id, i.CandidateId }).FirstAsync());
        var ownRoom = await desk.RoomOfAsync("secretary2");
        var college1 = await desk.CollegeOfAsync("secretary1");
        var stranger = await portal.ClientForStaffAsync("secretary2");

        var refusals = new[]
        {
            await stranger.GetAsync($"/api/v1/rooms/{room}"),
            await stranger.PutAsJsonAsync($"/api/v1/rooms/{room}", new { name = "taken over" }),
            await stranger.DeleteAsync($"/api/v1/rooms/{room}"),
            await stranger.GetAsync($"/api/v1/interviews/{interview.Id}"),
            await stranger.PutAsJsonAsync($"/api/v1/interviews/{interview.Id}", PlanningDesk.Booking(interview.CandidateId, room, "2030-07-01T09:00:00+08:00")),
            await stranger.PostAsync($"/api/v1/interviews/{interview.Id}/cancel", null),
            await stranger.PostAsJsonAsync("/api/v1/interviews", PlanningDesk.Booking(interview.CandidateId, ownRoom, "2030-07-01T09:00:00+08:00")),
            await stranger.PostAsJsonAsync($"/api/v1/rooms/{room}/schedule", new { candidateIds = new[] { interview.CandidateId }, firstStartsAt = "2030-07-01T09:00:00+08:00", durationMinutes = 20 }),
            await stranger.GetAsync($"/api/v1/rooms/{room}/schedule.xlsx"),
            await stranger.GetAsync($"/api/v1/rooms/{room}/schedule.ics"),
            await stranger.GetAsync($"/api/v1/colleges/{college1}/schedule.xlsx"),
        };
        Assert.All(refusals, r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));

        var list = await stranger.GetFromJsonAsync<JsonElement>($"/api/v1/interviews?roomId={room}");
        Assert.Equal(0, list.GetProperty("total").GetInt32());
        Assert.Equal("Scheduled", await portal.WithDbAsync(db => db.Interviews.Where(i => i.Id == interview.Id).Select(i => i.Status.ToString()).FirstAsync()));

        var assistant = await portal.ClientForStaffAsync("assistant1");
        Assert.Equal(HttpStatusCode.Forbidden, (await assistant.PostAsJsonAsync("/api/v1/rooms", new { name = "mine" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await assistant.PostAsJsonAsync("/api/v1/interviews", PlanningDesk.Booking(interview.CandidateId, room, "2030-07-01T09:00:00+08:00"))).StatusCode);
    }

    [Fact]
    public async Task Another_colleges_secretary_gets_404_on_the_room_and_schedule_pages()
    {
        var room = await desk.RoomOfAsync("secretary1");
        var stranger = portal.CreateClient();
        await stranger.SignInStaffAsync("secretary2");

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/Rooms/Edit/{room}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/Schedule?roomId={room}")).StatusCode);
        var rooms = await stranger.GetStringAsync("/Rooms");
        var ownName = await portal.WithDbAsync(db => db.ExamRooms.Where(r => r.Id == room).Select(r => r.Name).FirstAsync());
        Assert.DoesNotContain(ownName, rooms);
    }
}
