using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InterviewPortal.Data.Interviews;
using InterviewPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.IntegrationTests.Candidates;

public class CandidateApiTests(SqlitePortalFactory portal) : IClassFixture<SqlitePortalFactory>
{
    [Fact]
    public async Task A_secretary_creates_edits_and_deletes_a_candidate_of_their_college_and_a_lower_case_x_is_stored_upper_case()
    {
        var (college, major, _) = await CandidateData.MajorOfAsync(portal, "secretary1");
        var client = await portal.ClientForStaffAsync("secretary1");
        var n = CandidateData.Next();
        var id = CandidateData.Id(n);
        // Find a sequence whose check digit is X, so the lower-case x path is really taken.
        while (!id.EndsWith('X'))
            id = CandidateData.Id(n = CandidateData.Next());

        var created = await client.PostAsJsonAsync("/api/v1/candidates",
            new { examNumber = CandidateData.Exam(n), name = " 李测试 ", idNumber = id.ToLowerInvariant(), phone = CandidateData.Phone(n), majorId = major });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var record = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(id, record.GetProperty("idNumber").GetString());
        Assert.Equal(college, record.GetProperty("collegeId").GetInt32());
        Assert.Equal("李测试", record.GetProperty("name").GetString());
        var candidateId = record.GetProperty("id").GetInt32();

        var edited = await client.PutAsJsonAsync($"/api/v1/candidates/{candidateId}",
            new { examNumber = CandidateData.Exam(n), name = "李改名", idNumber = id, phone = CandidateData.Phone(n), majorId = major });
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal("李改名", (await edited.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("name").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/candidates/{candidateId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/candidates/{candidateId}")).StatusCode);
        Assert.True(await portal.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "candidate.deleted" && a.EntityId == candidateId.ToString())));
    }

    [Theory]
    [InlineData("examNumber", "10487202600001")]
    [InlineData("idNumber", "11010519990101001")]
    [InlineData("idNumber", "110105199902290012")]
    [InlineData("phone", "12800000000")]
    [InlineData("phone", "1380000000")]
    public async Task Bad_numbers_are_400_field_errors_and_nothing_is_written(string field, string value)
    {
        var (_, major, _) = await CandidateData.MajorOfAsync(portal, "secretary1");
        var client = await portal.ClientForStaffAsync("secretary1");
        var n = CandidateData.Next();
        var body = new Dictionary<string, object> { ["examNumber"] = CandidateData.Exam(n), ["name"] = "王五", ["idNumber"] = CandidateData.Id(n), ["phone"] = CandidateData.Phone(n), ["majorId"] = major };
        body[field] = value;

        var response = await client.PostAsJsonAsync("/api/v1/candidates", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
        Assert.False(await portal.WithDbAsync(db => db.Candidates.AnyAsync(c => c.ExamNumber == CandidateData.Exam(n))));
    }

    [Fact]
    public async Task A_clash_with_a_candidate_of_another_college_is_a_409_naming_the_field()
    {
        var (_, major, _) = await CandidateData.MajorOfAsync(portal, "secretary2");
        var otherPhone = await portal.WithDbAsync(db => db.Candidates.Where(c => c.College.Code == "CS").Select(c => c.Phone).FirstAsync());
        var client = await portal.ClientForStaffAsync("secretary2");
        var n = CandidateData.Next();

        var response = await client.PostAsJsonAsync("/api/v1/candidates",
            new { examNumber = CandidateData.Exam(n), name = "赵六", idNumber = CandidateData.Id(n), phone = otherPhone, majorId = major });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("phone", out _));
    }

    [Fact]
    public async Task A_secretary_naming_another_colleges_major_gets_a_field_error_and_no_write()
    {
        var (_, otherMajor, _) = await CandidateData.MajorOfAsync(portal, "secretary1");
        var client = await portal.ClientForStaffAsync("secretary2");
        var n = CandidateData.Next();

        var response = await client.PostAsJsonAsync("/api/v1/candidates", CandidateData.Candidate(n, otherMajor));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("majorId", out _));
        Assert.False(await portal.WithDbAsync(db => db.Candidates.AnyAsync(c => c.ExamNumber == CandidateData.Exam(n))));
    }

    [Fact]
    public async Task Another_colleges_candidate_is_404_for_get_put_and_delete_and_stays_unchanged()
    {
        var (_, major1, _) = await CandidateData.MajorOfAsync(portal, "secretary1");
        var (_, major2, _) = await CandidateData.MajorOfAsync(portal, "secretary2");
        var n = CandidateData.Next();
        var candidateId = await CandidateData.CreateAsync(await portal.ClientForStaffAsync("secretary1"), n, major1);
        var intruder = await portal.ClientForStaffAsync("secretary2");

        Assert.Equal(HttpStatusCode.NotFound, (await intruder.GetAsync($"/api/v1/candidates/{candidateId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await intruder.PutAsJsonAsync($"/api/v1/candidates/{candidateId}", CandidateData.Candidate(n, major2, "改名"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await intruder.DeleteAsync($"/api/v1/candidates/{candidateId}")).StatusCode);
        var stored = await portal.WithDbAsync(db => db.Candidates.SingleAsync(c => c.Id == candidateId));
        Assert.Equal("测试考生", stored.Name);
        Assert.Equal(major1, stored.MajorId);
    }

    [Fact]
    public async Task A_candidate_with_an_interview_cannot_be_deleted()
    {
        var withInterview = await portal.WithDbAsync(db => db.Interviews.Where(i => i.Candidate.College.Code == "CS" && i.Kind == InterviewKind.Exam).Select(i => i.CandidateId).FirstAsync());
        var client = await portal.ClientForStaffAsync("secretary1");

        var response = await client.DeleteAsync($"/api/v1/candidates/{withInterview}");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(await portal.WithDbAsync(db => db.Candidates.AnyAsync(c => c.Id == withInterview)));
    }

    [Fact]
    public async Task An_assistant_cannot_create_candidates()
    {
        var (_, major, _) = await CandidateData.MajorOfAsync(portal, "secretary1");
        var client = await portal.ClientForStaffAsync("assistant1");
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/v1/candidates", CandidateData.Candidate(CandidateData.Next(), major))).StatusCode);
    }
}
