using System.Net;
using System.Net.Http.Json;
using InterviewPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.IntegrationTests.Sessions;

/// <summary>The admin's disable, enable and role buttons on /Admin/Staff, and the rules around them.</summary>
public class StaffAccessPageTests(SqliteSessionFactory portal) : IClassFixture<SqliteSessionFactory>
{
    [Fact]
    public async Task The_staff_page_disables_and_enables_an_account_and_the_disabled_accounts_page_session_ends()
    {
        var id = await portal.CreateStaffAsync("page-disabled");
        var victim = portal.CreateClient();
        await victim.SignInStaffAsync("page-disabled", SessionKit.Password);
        Assert.Equal(HttpStatusCode.OK, (await victim.GetAsync("/api/v1/candidates")).StatusCode);
        var admin = portal.CreateClient();
        await admin.SignInStaffAsync("admin");

        var disabled = await admin.PostFormAsync($"/Admin/Staff?handler=Disable&id={id}", new Dictionary<string, string>(), "/Admin/Staff");
        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        var html = await disabled.Content.ReadAsStringAsync();
        Assert.Contains("已停用", html, StringComparison.Ordinal);
        Assert.NotNull(await portal.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.DisabledAt).SingleAsync()));
        var after = await victim.GetAsync("/Schedule");
        Assert.Contains("/Account/Login", after.RequestMessage!.RequestUri!.AbsolutePath, StringComparison.Ordinal);

        var enabled = await admin.PostFormAsync($"/Admin/Staff?handler=Enable&id={id}", new Dictionary<string, string>(), "/Admin/Staff");
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        Assert.Null(await portal.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.DisabledAt).SingleAsync()));
    }

    [Fact]
    public async Task The_staff_page_changes_a_role_and_shows_a_missing_college_next_to_the_form()
    {
        var id = await portal.CreateStaffAsync("page-role", "Assistant");
        var admin = portal.CreateClient();
        await admin.SignInStaffAsync("admin");

        var refused = await admin.PostFormAsync($"/Admin/Staff?handler=Role&id={id}", new Dictionary<string, string> { ["role"] = "Secretary" }, "/Admin/Staff");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("学院秘书必须属于一个学院", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var college = await portal.WithDbAsync(db => db.Colleges.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync());
        var changed = await admin.PostFormAsync($"/Admin/Staff?handler=Role&id={id}",
            new Dictionary<string, string> { ["role"] = "Secretary", ["collegeId"] = college.ToString(System.Globalization.CultureInfo.InvariantCulture) }, "/Admin/Staff");
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var account = await SessionKit.AccountAsync(await portal.ClientForStaffAsync("admin"), "page-role");
        Assert.Equal("Secretary", account.GetProperty("role").GetString());
        Assert.Equal(college, account.GetProperty("collegeId").GetInt32());
    }

    [Fact]
    public async Task An_admin_cannot_disable_themself_or_change_their_own_role()
    {
        var admin = await portal.ClientForStaffAsync("admin");
        var me = await SessionKit.IdOfAsync(admin, "admin");

        var disable = await admin.PostAsync($"/api/v1/staff/{me}/disable", null);
        Assert.Equal(HttpStatusCode.Conflict, disable.StatusCode);
        Assert.Equal("application/problem+json", disable.Content.Headers.ContentType?.MediaType);
        var demote = await admin.PutAsJsonAsync($"/api/v1/staff/{me}/role", new { role = "Assistant" });
        Assert.Equal(HttpStatusCode.Conflict, demote.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/v1/staff")).StatusCode);
    }

    [Fact]
    public async Task Only_an_admin_disables_enables_or_changes_roles()
    {
        var id = await portal.CreateStaffAsync("kept-enabled");
        foreach (var caller in new[] { "secretary1", "assistant1" })
        {
            var client = await portal.ClientForStaffAsync(caller);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync($"/api/v1/staff/{id}/disable", null)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync($"/api/v1/staff/{id}/enable", null)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PutAsJsonAsync($"/api/v1/staff/{id}/role", new { role = "Admin" })).StatusCode);
        }
        Assert.Null(await portal.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.DisabledAt).SingleAsync()));
        Assert.Equal("Secretary", (await SessionKit.AccountAsync(await portal.ClientForStaffAsync("admin"), "kept-enabled")).GetProperty("role").GetString());
    }
}
