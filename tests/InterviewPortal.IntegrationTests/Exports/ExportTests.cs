using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using InterviewPortal.IntegrationTests.Infrastructure;
using InterviewPortal.IntegrationTests.Interviews;

namespace InterviewPortal.IntegrationTests.Exports;

public class ExportTests(SqlitePortalFactory portal) : IClassFixture<SqlitePortalFactory>
{
    private readonly PlanningDesk desk = new(portal);

    [Fact]
    public async Task The_xlsx_exports_show_the_interview_in_beijing_time_per_room_and_per_college()
    {
        var (client, room, candidate, id) = await BookAsync("2030-08-01T01:05:00Z");

        var roomBook = await client.GetAsync($"/api/v1/rooms/{room}/schedule.xlsx?from=2030-08-01&to=2030-08-01");
        Assert.Equal(HttpStatusCode.OK, roomBook.StatusCode);
        var rows = ReadRows(await roomBook.Content.ReadAsByteArrayAsync());
        Assert.Equal(2, rows.Count);
        Assert.StartsWith("日期", rows[0][0]);
        Assert.Equal(["2030-08-01", "09:05", "09:35"], rows[1][..3]);
        Assert.Equal(id.ToString(System.Globalization.CultureInfo.InvariantCulture), rows[1][^1]);
        Assert.Contains("Rehearsal", rows[1][7]);

        var college = await desk.CollegeOfAsync("secretary1");
        var collegeBook = await client.GetAsync($"/api/v1/colleges/{college}/schedule.xlsx?from=2030-08-01&to=2030-08-01");
        Assert.Equal(HttpStatusCode.OK, collegeBook.StatusCode);
        Assert.Contains(ReadRows(await collegeBook.Content.ReadAsByteArrayAsync()), r => r[1] == "09:05" && r[4].Length == 15);

        var badRange = await client.GetAsync($"/api/v1/rooms/{room}/schedule.xlsx?from=2030-08-02&to=2030-08-01");
        Assert.Equal(HttpStatusCode.BadRequest, badRange.StatusCode);
    }

    [Fact]
    public async Task The_ics_exports_are_rfc_5545_with_shanghai_times_folded_lines_and_crlf()
    {
        var (client, room, _, id) = await BookAsync("2030-08-02T09:05:00+08:00");
        var examiner = (await client.GetFromJsonAsync<JsonElement>($"/api/v1/rooms/{room}")).GetProperty("examiners")[0].GetString()!;

        foreach (var url in new[] { $"/api/v1/rooms/{room}/schedule.ics?from=2030-08-02", $"/api/v1/rooms/{room}/examiners/{Uri.EscapeDataString(examiner)}/schedule.ics?from=2030-08-02" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            var text = Encoding.UTF8.GetString(bytes);
            Assert.StartsWith("BEGIN:VCALENDAR\r\n", text);
            Assert.EndsWith("END:VCALENDAR\r\n", text);
            Assert.DoesNotContain("\n", text.Replace("\r\n", ""));
            Assert.All(text.Split("\r\n"), line => Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, $"line over 75 octets: {line}"));

            // Unfold, then read the event back.
            var lines = text.Replace("\r\n ", "").Split("\r\n");
            Assert.Contains("TZID:Asia/Shanghai", lines);
            var start = Array.IndexOf(lines, $"UID:interview-{id}@interview-portal");
            Assert.True(start > 0);
            var vevent = lines.Skip(start).TakeWhile(l => l != "END:VEVENT").ToList();
            Assert.Contains("DTSTART;TZID=Asia/Shanghai:20300802T090500", vevent);
            Assert.Contains("DTEND;TZID=Asia/Shanghai:20300802T093500", vevent);
            Assert.Contains(vevent, l => l.StartsWith("SUMMARY:", StringComparison.Ordinal));
        }

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/rooms/{room}/examiners/nobody/schedule.ics")).StatusCode);
    }

    private async Task<(HttpClient Client, int Room, int Candidate, int Id)> BookAsync(string startsAt)
    {
        var client = await portal.ClientForStaffAsync("secretary1");
        var room = await desk.CreateRoomAsync(client, $"导出考场 {Guid.NewGuid():N}"[..14]);
        var candidate = (await desk.FreeCandidatesAsync("secretary1", 1))[0];
        var booked = await client.PostAsJsonAsync("/api/v1/interviews", PlanningDesk.Booking(candidate, room, startsAt, 30, "Rehearsal"));
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        return (client, room, candidate, (await booked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32());
    }

    private static List<string[]> ReadRows(byte[] xlsx)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var rows = new List<string[]>();
        foreach (var sheet in document.WorkbookPart!.WorksheetParts)
            rows.AddRange(sheet.Worksheet.Descendants<Row>().Select(r => r.Elements<Cell>().Select(c => c.InnerText).ToArray()));
        return rows;
    }
}
