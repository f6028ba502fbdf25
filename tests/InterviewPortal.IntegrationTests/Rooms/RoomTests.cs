using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InterviewPortal.IntegrationTests.Infrastructure;
using InterviewPortal.IntegrationTests.Interviews;

namespace InterviewPortal.IntegrationTests.Rooms;

public class RoomTests(SqlitePortalFactory portal) : IClassFixture<SqlitePortalFactory>
{
    private readonly PlanningDesk desk = new(portal);

    [Fact]
    public async Task A_secretary_creates_edits_and_deletes_a_room_of_their_own_college()
    {
        var client = await portal.ClientForStaffAsync("secretary1");
        var college = await desk.CollegeOfAsync("secretary1");

        var created = await client.PostAsJsonAsync("/api/v1/rooms", new { name = "第九考场", assistantUserName = "ASSISTANT1", examiners = new[] { "王老师", "赵老师" }, recordSessions = true });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var room = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = room.GetProperty("id").GetInt32();
        Assert.Equal(college, room.GetProperty("collegeId").GetInt32());
        Assert.Equal("assistant1", room.GetProperty("assistantUserName").GetString());
        Assert.Equal($"/api/v1/rooms/{id}", created.Headers.Location?.OriginalString);

        var updated = await client.PutAsJsonAsync($"/api/v1/rooms/{id}", new { name = "第九考场", examiners = new[] { "赵老师", "钱老师" } });
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var read = await client.GetFromJsonAsync<JsonElement>($"/api/v1/rooms/{id}");
        Assert.Equal(JsonValueKind.Null, read.GetProperty("assistantUserName").ValueKind);
        Assert.Equal(["赵老师", "钱老师"], read.GetProperty("examiners").EnumerateArray().Select(e => e.GetString()).Order());
        Assert.False(read.GetProperty("recordSessions").GetBoolean());

        var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/rooms");
        Assert.All(list.GetProperty("items").EnumerateArray(), r => Assert.Equal(college, r.GetProperty("collegeId").GetInt32()));

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/rooms/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/rooms/{id}")).StatusCode);
    }

    [Fact]
    public async Task Bad_rooms_are_400s_naming_the_field_and_a_room_with_interviews_is_kept()
    {
        var client = await portal.ClientForStaffAsync("secretary1");
        var other = await desk.CollegeOfAsync("secretary2");
        var room = await desk.RoomOfAsync("secretary1");

        await AssertFieldError(await client.PostAsJsonAsync("/api/v1/rooms", new { name = "X", assistantUserName = "secretary2" }), "assistantUserName");
        await AssertFieldError(await client.PostAsJsonAsync("/api/v1/rooms", new { name = "X", assistantUserName = "nobody" }), "assistantUserName");
        await AssertFieldError(await client.PostAsJsonAsync("/api/v1/rooms", new { name = "X", collegeId = other }), "collegeId");
        await AssertFieldError(await client.PostAsJsonAsync("/api/v1/rooms", new { name = "" }), "name");
        await AssertFieldError(await client.PostAsJsonAsync("/api/v1/rooms", new { name = "X", examiners = new[] { "" } }), "examiners[0]");
        var admin = await portal.ClientForStaffAsync("admin");
        await AssertFieldError(await admin.PostAsJsonAsync("/api/v1/rooms", new { name = "X" }), "collegeId");

        var delete = await client.DeleteAsync($"/api/v1/rooms/{room}");
        Assert.Equal(HttpStatusCode.Conflict, delete.StatusCode);
        Assert.Contains("interviews", (await PlanningDesk.ProblemAsync(delete)).GetProperty("detail").GetString());
    }

    private static async Task AssertFieldError(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await PlanningDesk.ProblemAsync(response)).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), $"errors should name {field}: {errors}");
    }
}
