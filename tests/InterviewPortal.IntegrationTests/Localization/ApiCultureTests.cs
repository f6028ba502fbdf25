using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using InterviewPortal.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace InterviewPortal.IntegrationTests.Localization;

/// <summary>
/// The API speaks the language of Accept-Language and zh-CN without one (or with one it does not speak): problem
/// titles and details, the validators' own messages and FluentValidation's built-in ones. Pages ignore the header.
/// </summary>
public abstract class ApiCultureTests(PortalFactory portal)
{
    [Theory]
    [InlineData(null, "未找到。")]
    [InlineData("en-US", "Not found.")]
    [InlineData("en-GB, en;q=0.9", "Not found.")]
    [InlineData("fr-FR", "未找到。")]
    [InlineData("fr;q=1, en;q=0.5", "Not found.")]
    [InlineData("en;q=0.2, zh-TW;q=0.8", "未找到。")]
    [InlineData("xx;q=abc, ;;", "未找到。")]
    public async Task A_problem_title_is_in_the_accept_language_and_chinese_without_one(string? language, string title)
    {
        var client = await StaffAsync(language);
        var response = await client.GetAsync("/api/v1/interviews/999999");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(title, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
    }

    [Theory]
    [InlineData(null, "未找到")]
    [InlineData("en-US", "Not Found")]
    public async Task A_problem_the_framework_writes_gets_a_title_in_the_request_language(string? language, string title)
    {
        var client = await StaffAsync(language);
        var response = await client.GetAsync("/api/v1/no-such-resource");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(title, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
    }

    [Fact]
    public async Task Validation_messages_follow_each_request_not_the_first_one()
    {
        // Validators are singletons: a message fixed when the first request built one would answer every later request in its language.
        foreach (var language in new string?[] { null, "en-US", null, "en-US" })
        {
            var client = await StaffAsync(language);
            var response = await client.PostAsJsonAsync("/api/v1/interviews", new { candidateId = -5, roomId = (int?)null });
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            var messages = problem.GetProperty("errors").EnumerateObject().SelectMany(e => e.Value.EnumerateArray()).Select(m => m.GetString()!).ToList();
            if (language is null)
            {
                Assert.Equal("有字段填写不正确。", problem.GetProperty("title").GetString());
                Assert.Contains("roomId 为必填项。", messages);
                Assert.Contains(messages, m => m.Contains("必须大于", StringComparison.Ordinal)); // FluentValidation's own zh-CN text
            }
            else
            {
                Assert.Equal("One or more fields are invalid.", problem.GetProperty("title").GetString());
                Assert.Contains("roomId is required.", messages);
                Assert.Contains(messages, m => m.Contains("must be greater than", StringComparison.Ordinal));
            }
        }
    }

    [Theory]
    [InlineData(null, "不支持的媒体类型。")]
    [InlineData("en-US", "Unsupported media type.")]
    public async Task A_refusal_before_routing_is_in_the_request_language_too(string? language, string title)
    {
        var client = await StaffAsync(language);
        var body = new StringContent("{}", Encoding.UTF8);
        body.Headers.Remove("Content-Type");
        body.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=x-no-such");
        var response = await client.PostAsync("/api/v1/interviews", body);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal(title, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
    }

    [Fact]
    public async Task The_api_ignores_the_page_language_cookie_and_pages_ignore_accept_language()
    {
        var client = await StaffAsync(null);
        client.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3Den-US%7Cuic%3Den-US");
        var problem = await (await client.GetAsync("/api/v1/interviews/999999")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("未找到。", problem.GetProperty("title").GetString());

        var browser = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Contains("<html lang=\"zh-CN\">", await browser.GetStringAsync("/Account/Login"), StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\">", await browser.GetStringAsync("/Account/Login?culture=en-US"), StringComparison.Ordinal);
    }

    private async Task<HttpClient> StaffAsync(string? language)
    {
        var client = await portal.ClientForStaffAsync("secretary1");
        client.DefaultRequestHeaders.AcceptLanguage.Clear();
        if (language is not null)
            client.DefaultRequestHeaders.TryAddWithoutValidation("Accept-Language", language);
        return client;
    }
}

public sealed class ApiCultureSqliteTests(SqlitePortalFactory portal) : ApiCultureTests(portal), IClassFixture<SqlitePortalFactory>;

public sealed class ApiCulturePostgresTests(PostgresPortalFactory portal) : ApiCultureTests(portal), IClassFixture<PostgresPortalFactory>;
