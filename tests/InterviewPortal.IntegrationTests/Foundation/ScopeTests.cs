using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InterviewPortal.IntegrationTests.Infrastructure;
using InterviewPortal.Data;
using InterviewPortal.Data.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewPortal.IntegrationTests.Foundation;

public class ScopeTests(SqlitePortalFactory portal) : IClassFixture<SqlitePortalFactory>
{
    [Fact]
    public async Task A_secretary_lists_only_their_college_and_cannot_open_another_colleges_candidate()
    {
        var (own, other) = await CollegesOf("secretary1");
        var client = await portal.ClientForStaffAsync("secretary1");

        var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/candidates?pageSize=200");
        var items = list.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(items);
        Assert.All(items, c => Assert.Equal(own, c.GetProperty("collegeId").GetInt32()));

        var otherCandidate = await portal.WithDbAsync(db => db.Candidates.Where(c => c.CollegeId == other).Select(c => c.Id).FirstAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/candidates/{otherCandidate}")).StatusCode);

        var filtered = await client.GetFromJsonAsync<JsonElement>($"/api/v1/candidates?collegeId={other}");
        Assert.Equal(0, filtered.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_pooled_context_starts_every_lease_with_no_scope_whatever_the_last_lease_had()
    {
        var contexts = portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        await using (var first = contexts.CreateDbContext().WithScope(AccessScope.System))
            Assert.True(await first.Candidates.AnyAsync());

        await using var next = contexts.CreateDbContext();
        Assert.Same(AccessScope.Nobody, next.Scope);
        Assert.False(await next.Candidates.AnyAsync());
    }

    [Fact]
    public async Task Lists_mask_personal_data_and_a_single_record_shows_it_whole()
    {
        var client = await portal.ClientForStaffAsync("secretary2");
        var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/candidates?pageSize=5");
        var first = list.GetProperty("items")[0];
        Assert.Matches(@"^\d{4}\*{10}\d{3}[\dX]$", first.GetProperty("idNumber").GetString());
        Assert.Matches(@"^1\d{2}\*{4}\d{4}$", first.GetProperty("phone").GetString());

        var record = await client.GetFromJsonAsync<JsonElement>($"/api/v1/candidates/{first.GetProperty("id").GetInt32()}");
        Assert.Matches(@"^\d{17}[\dX]$", record.GetProperty("idNumber").GetString());
    }

    [Fact]
    public async Task The_admin_sees_every_college_and_assistants_and_anonymous_callers_are_refused()
    {
        var admin = await portal.ClientForStaffAsync("admin");
        var all = await admin.GetFromJsonAsync<JsonElement>("/api/v1/candidates?pageSize=1");
        Assert.Equal(await portal.WithDbAsync(db => db.Candidates.CountAsync()), all.GetProperty("total").GetInt32());

        var assistant = await portal.ClientForStaffAsync("assistant1");
        Assert.Equal(HttpStatusCode.Forbidden, (await assistant.GetAsync("/api/v1/candidates")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await portal.CreateClient().GetAsync("/api/v1/candidates")).StatusCode);
    }

    [Theory]
    [InlineData("pageSize=201")]
    [InlineData("page=0")]
    [InlineData("status=Bogus")]
    public async Task Bad_list_parameters_are_400_problems(string query)
    {
        var client = await portal.ClientForStaffAsync("admin");
        var response = await client.GetAsync($"/api/v1/candidates?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private Task<(int Own, int Other)> CollegesOf(string secretary) => portal.WithDbAsync(async db =>
    {
        var own = await db.Users.Where(u => u.UserName == secretary).Select(u => u.CollegeId!.Value).FirstAsync();
        var other = await db.Colleges.Where(c => c.Id != own).Select(c => c.Id).FirstAsync();
        return (own, other);
    });
}
