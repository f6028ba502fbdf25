using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using InterviewPortal.IntegrationTests.CandidateAuth;
using InterviewPortal.IntegrationTests.Infrastructure;
using InterviewPortal.IntegrationTests.Me;
using InterviewPortal.IntegrationTests.Verifications;

namespace InterviewPortal.IntegrationTests.Sessions;

/// <summary>
/// A candidate's phone is their sign-in: when it changes (by the college's edit or by approving the candidate's own
/// request) every token, cookie and refresh token issued for the old number ends, and the new number signs in.
/// Any other edit leaves the sessions alone. Run on SQLite and PostgreSQL.
/// </summary>
public abstract class CandidateRevocationTests<TFactory>(TFactory portal) where TFactory : SessionPortalFactory
{
    [Fact]
    public async Task A_phone_changed_by_the_college_ends_the_candidates_token_cookie_and_refresh_token()
    {
        var (candidate, token, cookie) = await SignInBothWaysAsync(0);
        var admin = await portal.ClientForStaffAsync("admin");
        var record = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/candidates/{candidate.Id}");
        var newPhone = NewPhone();

        var saved = await admin.PutAsJsonAsync($"/api/v1/candidates/{candidate.Id}", Edit(record, phone: newPhone));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);

        await AssertEndedAsync(token, cookie);
        await AssertSignsInAsync(candidate with { Phone = newPhone });
    }

    [Fact]
    public async Task Approving_the_candidates_phone_change_request_ends_their_sessions()
    {
        var (candidate, token, cookie) = await SignInBothWaysAsync(1);
        var newPhone = NewPhone();
        var form = new MultipartFormDataContent
        {
            { new StringContent(newPhone), "newPhone" }, { new StringContent("原号码已停用"), "reason" },
            { Scan(TestPhotos.Jpeg()), "idCard", "id.jpg" }, { Scan(TestPhotos.Jpeg(240, 120)), "admissionTicket", "ticket.jpg" },
        };
        var filed = await portal.WithBearer(token.AccessToken).PostAsync("/api/v1/me/phone-change-requests", form);
        Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        var requestId = (await filed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();

        var admin = await portal.ClientForStaffAsync("admin");
        var approved = await admin.PostAsync($"/api/v1/inbox/phone-change-requests/{requestId}/approve", null);
        Assert.True(approved.IsSuccessStatusCode, $"approve answered {(int)approved.StatusCode}");

        await AssertEndedAsync(token, cookie);
        await AssertSignsInAsync(candidate with { Phone = newPhone });
    }

    [Fact]
    public async Task An_edit_that_keeps_the_phone_leaves_the_candidates_sessions_alone()
    {
        var (candidate, token, cookie) = await SignInBothWaysAsync(2);
        var admin = await portal.ClientForStaffAsync("admin");
        var record = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/candidates/{candidate.Id}");

        var saved = await admin.PutAsJsonAsync($"/api/v1/candidates/{candidate.Id}", Edit(record, name: "改名考生"));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await portal.WithBearer(token.AccessToken).GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await cookie.GetAsync("/api/v1/me")).StatusCode);
        var refreshed = await portal.RefreshAsync(token.RefreshToken);
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var renewed = (await refreshed.Content.ReadFromJsonAsync<FullTokenResponse>())!;
        var me = await portal.WithBearer(renewed.AccessToken).GetFromJsonAsync<JsonElement>("/api/v1/me");
        Assert.Equal(candidate.ExamNumber, me.GetProperty("examNumber").GetString());
    }

    private async Task<(DemoCandidate Candidate, FullTokenResponse Token, HttpClient Cookie)> SignInBothWaysAsync(int n)
    {
        var candidate = await portal.CandidateAsync(n);
        var token = await TokenAsync(candidate);
        Assert.Equal(HttpStatusCode.OK, (await portal.WithBearer(token.AccessToken).GetAsync("/api/v1/me")).StatusCode);
        var (cookie, _) = await portal.PageClientForCandidateAsync(candidate);
        Assert.Equal(HttpStatusCode.OK, (await cookie.GetAsync("/api/v1/me")).StatusCode);
        return (candidate, token, cookie);
    }

    private async Task<FullTokenResponse> TokenAsync(DemoCandidate candidate)
    {
        var client = portal.CreateClient();
        var code = await portal.SendCodeAsync(client, candidate.Phone);
        var response = await client.RequestTokenAsync(candidate.Phone, code);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<FullTokenResponse>())!;
    }

    private async Task AssertEndedAsync(FullTokenResponse token, HttpClient cookie)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await portal.WithBearer(token.AccessToken).GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await cookie.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await portal.RefreshAsync(token.RefreshToken)).StatusCode);
    }

    private async Task AssertSignsInAsync(DemoCandidate candidate)
    {
        var token = await TokenAsync(candidate);
        var me = await portal.WithBearer(token.AccessToken).GetFromJsonAsync<JsonElement>("/api/v1/me");
        Assert.Equal(candidate.ExamNumber, me.GetProperty("examNumber").GetString());
    }

    private static object Edit(JsonElement record, string? phone = null, string? name = null) => new
    {
        examNumber = record.GetProperty("examNumber").GetString(),
        name = name ?? record.GetProperty("name").GetString(),
        idNumber = record.GetProperty("idNumber").GetString(),
        phone = phone ?? record.GetProperty("phone").GetString(),
        majorId = record.GetProperty("majorId").GetInt32(),
    };

    private static string NewPhone() => "139" + Random.Shared.Next(0, 100_000_000).ToString("D8", System.Globalization.CultureInfo.InvariantCulture);

    private static ByteArrayContent Scan(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        return content;
    }
}

public class CandidateRevocationSqliteTests(SqliteSessionFactory portal) : CandidateRevocationTests<SqliteSessionFactory>(portal), IClassFixture<SqliteSessionFactory>;

public class CandidateRevocationPostgresTests(PostgresSessionFactory portal) : CandidateRevocationTests<PostgresSessionFactory>(portal), IClassFixture<PostgresSessionFactory>;
