using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using InterviewPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.IntegrationTests.Interviews;

/// <summary>The print sheet of a room's day: what the examiners need, no navigation, and the college scope.</summary>
public abstract partial class SchedulePrintTests(PortalFactory portal)
{
    private readonly PlanningDesk desk = new(portal);

    [Fact]
    public async Task The_sheet_lists_the_rooms_day_without_navigation_and_leaves_out_cancelled_interviews()
    {
        var api = await portal.ClientForStaffAsync("secretary1");
        var room = await desk.RoomOfAsync("secretary1");
        var candidates = await desk.FreeCandidatesAsync("secretary1", 3);
        var ids = new List<int>();
        foreach (var (candidate, n) in candidates.Select((c, n) => (c, n)))
        {
            var response = await api.PostAsJsonAsync("/api/v1/interviews",
                PlanningDesk.Booking(candidate, room, $"2031-07-01T{9 + n:D2}:00:00+08:00", 20, n == 1 ? "Rehearsal" : null));
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            ids.Add((await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetInt32());
        }
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync($"/api/v1/interviews/{ids[2]}/cancel", null)).StatusCode);
        var people = await portal.WithDbAsync(db => db.Candidates.Where(c => candidates.Contains(c.Id))
            .Select(c => new { c.Id, c.Name, c.ExamNumber, c.Major.Code }).ToDictionaryAsync(c => c.Id));
        var client = portal.CreateClient();
        await client.SignInStaffAsync("secretary1");

        var html = await client.GetStringAsync($"/Schedule/Print?roomId={room}&date=2031-07-01");

        Assert.Equal(2, Row().Count(html));
        Assert.DoesNotContain("<nav", html);
        Assert.Contains("print.css", html);
        Assert.Contains("09:00–09:20", html);
        Assert.Contains("10:00–10:20", html);
        foreach (var person in new[] { people[candidates[0]], people[candidates[1]] })
        {
            Assert.Contains(System.Net.WebUtility.HtmlEncode(person.Name), html);
            Assert.Contains(person.ExamNumber, html);
            Assert.Contains(person.Code, html);
        }
        Assert.DoesNotContain(people[candidates[2]].ExamNumber, html);
        Assert.Contains("演练", html);
    }

    [Fact]
    public async Task Another_colleges_room_is_404_and_non_planners_are_refused()
    {
        var room = await desk.RoomOfAsync("secretary1");
        var stranger = portal.CreateClient(new() { AllowAutoRedirect = false });
        await stranger.SignInStaffAsync("secretary2");
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/Schedule/Print?roomId={room}&date=2031-07-01")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await stranger.GetAsync($"/Schedule/Print?roomId={await desk.RoomOfAsync("secretary2")}&date=2031-07-01")).StatusCode);
        var choices = await stranger.GetStringAsync("/Schedule/Print");
        var foreignName = await portal.WithDbAsync(db => db.ExamRooms.Where(r => r.Id == room).Select(r => r.Name).FirstAsync());
        Assert.DoesNotContain($"value=\"{room}\"", choices);
        Assert.DoesNotContain(System.Net.WebUtility.HtmlEncode(foreignName), choices);

        var admin = portal.CreateClient();
        await admin.SignInStaffAsync("admin");
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/Schedule/Print?roomId={room}&date=2031-07-01")).StatusCode);

        var assistant = portal.CreateClient(new() { AllowAutoRedirect = false });
        await assistant.SignInStaffAsync("assistant1");
        var denied = await assistant.GetAsync($"/Schedule/Print?roomId={room}&date=2031-07-01");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.Contains("AccessDenied", denied.Headers.Location?.ToString());
        var anonymous = portal.CreateClient(new() { AllowAutoRedirect = false });
        Assert.Contains("/Account/Login", (await anonymous.GetAsync($"/Schedule/Print?roomId={room}")).Headers.Location?.ToString());
    }

    [GeneratedRegex("data-print-row")]
    private static partial Regex Row();
}

public sealed class SqliteSchedulePrintTests(SqlitePortalFactory portal) : SchedulePrintTests(portal), IClassFixture<SqlitePortalFactory>;

public sealed class PostgresSchedulePrintTests(PostgresPortalFactory portal) : SchedulePrintTests(portal), IClassFixture<PostgresPortalFactory>;
