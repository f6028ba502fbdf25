using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InterviewPortal.IntegrationTests.Infrastructure;

namespace InterviewPortal.IntegrationTests.Foundation;

public class StaffTokenTests(SqlitePortalFactory portal) : IClassFixture<SqlitePortalFactory>
{
    [Fact]
    public async Task A_good_password_gets_a_bearer_token()
    {
        var client = portal.CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "admin", password = PortalFactory.DemoPassword });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>();
        Assert.Equal("Bearer", token!.TokenType);
        Assert.False(string.IsNullOrEmpty(token.AccessToken));
        Assert.True(token.ExpiresIn > 0);
    }

    [Fact]
    public async Task A_bad_password_is_401_problem_and_five_pause_this_address_without_saying_so()
    {
        var client = portal.CreateClient();
        var wrongAnswers = new List<string?>();
        for (var i = 0; i < 5; i++)
        {
            var wrong = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "assistant2", password = "wrong-password" });
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
            Assert.Equal("application/problem+json", wrong.Content.Headers.ContentType?.MediaType);
            wrongAnswers.Add((await wrong.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        }
        // The right password from the same address is refused for a while, in the words of a wrong password: no
        // account is "locked" (that let anyone keep its owner out), and nothing tells the caller it was paused.
        var right = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "assistant2", password = PortalFactory.DemoPassword });
        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
        var problem = await right.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(wrongAnswers[0], problem.GetProperty("detail").GetString());
        Assert.DoesNotContain("locked", problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task An_unknown_user_gets_the_same_answer_as_a_wrong_password()
    {
        var client = portal.CreateClient();
        var unknown = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "nobody", password = "whatever1" });
        var wrong = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "secretary2", password = "whatever1" });
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal(
            (await wrong.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(),
            (await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("{bad json")]
    [InlineData("{}")]
    [InlineData("{\"userName\":\"\",\"password\":\"\"}")]
    public async Task Malformed_or_empty_requests_are_400_problems(string body)
    {
        var client = portal.CreateClient();
        var response = await client.PostAsync("/api/v1/auth/token", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("   at ", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
