using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InterviewPortal.Data.Requests;
using InterviewPortal.IntegrationTests.Candidates;
using InterviewPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.IntegrationTests.Inbox;

public class InboxAndAdminApiTests(SqlitePortalFactory portal) : IClassFixture<SqlitePortalFactory>
{
    private Task<(int Id, int CandidateId, string NewPhone)> PhoneRequestAsync(string collegeCode, string? newPhone = null) => portal.WithDbAsync(async db =>
    {
        var candidate = await db.Candidates.Where(c => c.College.Code == collegeCode).OrderBy(c => c.Id).Skip(CandidateData.Next() % 20).FirstAsync();
        var request = new PhoneChangeRequest { CandidateId = candidate.Id, CollegeId = candidate.CollegeId, NewPhone = newPhone ?? CandidateData.Phone(CandidateData.Next()), Reason = "旧号停用" };
        db.PhoneChangeRequests.Add(request);
        await db.SaveChangesAsync();
        return (request.Id, candidate.Id, request.NewPhone);
    });

    [Fact]
    public async Task An_approved_phone_change_updates_the_candidate_and_is_audited_and_cannot_be_decided_twice()
    {
        var (id, candidateId, newPhone) = await PhoneRequestAsync("CS");
        var client = await portal.ClientForStaffAsync("secretary1");

        var listed = await client.GetFromJsonAsync<JsonElement>("/api/v1/inbox/phone-change-requests?status=Open");
        Assert.Contains(listed.EnumerateArray(), r => r.GetProperty("id").GetInt32() == id && r.GetProperty("newPhone").GetString()!.Contains('*', StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync($"/api/v1/inbox/phone-change-requests/{id}/approve", null)).StatusCode);
        Assert.Equal(newPhone, await portal.WithDbAsync(db => db.Candidates.Where(c => c.Id == candidateId).Select(c => c.Phone).SingleAsync()));
        Assert.True(await portal.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "candidate.phone-changed" && a.EntityId == candidateId.ToString() && a.Actor == "secretary1")));
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsJsonAsync($"/api/v1/inbox/phone-change-requests/{id}/refuse", new { reason = "晚了" })).StatusCode);
    }

    [Fact]
    public async Task A_phone_change_to_another_candidates_number_is_refused_with_409_and_changes_nothing()
    {
        var taken = await portal.WithDbAsync(db => db.Candidates.Where(c => c.College.Code == "EM").Select(c => c.Phone).FirstAsync());
        var (id, candidateId, _) = await PhoneRequestAsync("CS", taken);
        var before = await portal.WithDbAsync(db => db.Candidates.Where(c => c.Id == candidateId).Select(c => c.Phone).SingleAsync());
        var client = await portal.ClientForStaffAsync("secretary1");

        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsync($"/api/v1/inbox/phone-change-requests/{id}/approve", null)).StatusCode);
        Assert.Equal(before, await portal.WithDbAsync(db => db.Candidates.Where(c => c.Id == candidateId).Select(c => c.Phone).SingleAsync()));
    }

    [Fact]
    public async Task Refusing_needs_a_reason_and_another_colleges_secretary_cannot_see_or_decide()
    {
        var (id, _, _) = await PhoneRequestAsync("CS");
        var intruder = await portal.ClientForStaffAsync("secretary2");
        var theirs = await intruder.GetFromJsonAsync<JsonElement>("/api/v1/inbox/phone-change-requests");
        Assert.DoesNotContain(theirs.EnumerateArray(), r => r.GetProperty("id").GetInt32() == id);
        Assert.Equal(HttpStatusCode.NotFound, (await intruder.PostAsync($"/api/v1/inbox/phone-change-requests/{id}/approve", null)).StatusCode);

        var owner = await portal.ClientForStaffAsync("secretary1");
        var noReason = await owner.PostAsJsonAsync($"/api/v1/inbox/phone-change-requests/{id}/refuse", new { reason = "" });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await owner.PostAsJsonAsync($"/api/v1/inbox/phone-change-requests/{id}/refuse", new { reason = "证件照片不清晰" })).StatusCode);
        Assert.Equal(RequestStatus.Refused, await portal.WithDbAsync(db => db.PhoneChangeRequests.Where(r => r.Id == id).Select(r => r.Status).SingleAsync()));
    }

    [Fact]
    public async Task A_secretary_answers_an_assignment_report_of_their_college()
    {
        var id = await portal.WithDbAsync(async db =>
        {
            var candidate = await db.Candidates.FirstAsync(c => c.College.Code == "EM");
            var report = new AssignmentReport { CandidateId = candidate.Id, CollegeId = candidate.CollegeId, Message = "专业不对" };
            db.AssignmentReports.Add(report);
            await db.SaveChangesAsync();
            return report.Id;
        });
        Assert.Equal(HttpStatusCode.NotFound, (await (await portal.ClientForStaffAsync("secretary1")).PostAsJsonAsync($"/api/v1/inbox/assignment-reports/{id}/answer", new { answer = "x" })).StatusCode);
        var client = await portal.ClientForStaffAsync("secretary2");
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync($"/api/v1/inbox/assignment-reports/{id}/answer", new { answer = "已核实，无误" })).StatusCode);
        Assert.Equal(RequestStatus.Answered, await portal.WithDbAsync(db => db.AssignmentReports.Where(r => r.Id == id).Select(r => r.Status).SingleAsync()));
    }

    [Fact]
    public async Task The_admin_manages_colleges_and_majors_and_a_college_in_use_is_not_deleted()
    {
        var admin = await portal.ClientForStaffAsync("admin");
        var code = $"T{CandidateData.Next()}";
        var created = await admin.PostAsJsonAsync("/api/v1/colleges", new { code, name = "测试学院" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();

        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync($"/api/v1/colleges/{id}/majors", new { code = "12345", name = "五位" })).StatusCode);
        var majorCode = $"9{CandidateData.Next() % 100000:D5}";
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync($"/api/v1/colleges/{id}/majors", new { code = majorCode, name = "测试专业" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.DeleteAsync($"/api/v1/colleges/{id}")).StatusCode);

        var cs = await portal.WithDbAsync(db => db.Colleges.Where(c => c.Code == "CS").Select(c => c.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.Conflict, (await admin.DeleteAsync($"/api/v1/colleges/{cs}")).StatusCode);

        var empty = await admin.PostAsJsonAsync("/api/v1/colleges", new { code = code + "E", name = "空学院" });
        var emptyId = (await empty.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/colleges/{emptyId}")).StatusCode);

        var secretary = await portal.ClientForStaffAsync("secretary1");
        Assert.Equal(HttpStatusCode.OK, (await secretary.GetAsync($"/api/v1/colleges/{id}/majors")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await secretary.PostAsJsonAsync("/api/v1/colleges", new { code = "X1", name = "x" })).StatusCode);
    }

    [Fact]
    public async Task Settings_refuse_bad_daily_windows_and_keep_good_ones()
    {
        var admin = await portal.ClientForStaffAsync("admin");
        var bad = await admin.PutAsJsonAsync("/api/v1/settings", new { noticeLeadMinutes = 20, dailyWindows = "14:00-12:00", photoRetentionDays = 30 });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("dailyWindows", out _));

        var good = await admin.PutAsJsonAsync("/api/v1/settings", new { noticeLeadMinutes = 25, dailyWindows = " 8:30-12:00 , 14:00-18:00", photoRetentionDays = 60 });
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.Equal("08:30-12:00,14:00-18:00", (await good.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("dailyWindows").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await (await portal.ClientForStaffAsync("secretary1")).GetAsync("/api/v1/settings")).StatusCode);
    }
}
