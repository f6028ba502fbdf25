using System.Net.Http.Json;
using System.Text.Json;
using InterviewPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.IntegrationTests.Interviews;

/// <summary>What the scheduling tests arrange through the demo university: a secretary's college, its room, free candidates.</summary>
public sealed class PlanningDesk(PortalFactory portal)
{
    public Task<int> CollegeOfAsync(string secretary) =>
        portal.WithDbAsync(db => db.Users.Where(u => u.UserName == secretary).Select(u => u.CollegeId!.Value).FirstAsync());

    public async Task<int> RoomOfAsync(string secretary)
    {
        var college = await CollegeOfAsync(secretary);
        return await portal.WithDbAsync(db => db.ExamRooms.Where(r => r.CollegeId == college).OrderBy(r => r.Id).Select(r => r.Id).FirstAsync());
    }

    /// <summary>Candidates of the secretary's college that hold no interview yet, skipping the first <paramref name="skip"/>.</summary>
    public async Task<List<int>> FreeCandidatesAsync(string secretary, int count, int skip = 0)
    {
        var college = await CollegeOfAsync(secretary);
        var ids = await portal.WithDbAsync(db => db.Candidates.Where(c => c.CollegeId == college && !c.Interviews.Any())
            .OrderBy(c => c.Id).Skip(skip).Take(count).Select(c => c.Id).ToListAsync());
        Assert.Equal(count, ids.Count);
        return ids;
    }

    /// <summary>A second room of the secretary's college, created through the API.</summary>
    public async Task<int> CreateRoomAsync(HttpClient secretary, string name, string? assistant = null)
    {
        var response = await secretary.PostAsJsonAsync("/api/v1/rooms", new { name, assistantUserName = assistant, examiners = new[] { "张教授", "李教授" } });
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    public static object Booking(int candidateId, int roomId, string startsAt, int durationMinutes = 20, string? kind = null) =>
        new { candidateId, roomId, startsAt, durationMinutes, kind };

    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
