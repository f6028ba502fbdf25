using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace InterviewPortal.IntegrationTests.FakeWeLink;

public sealed record RecordedRequest(string Method, string Path, string Query, JsonNode? Body, IReadOnlyDictionary<string, string> Headers);

/// <summary>
/// WeLink Open Platform + Cloud Meeting on loopback (Kestrel, port 0), speaking the shapes of
/// welink-api.md. Tests can expire tokens, throttle (48503 or HTTP 429), fail (outage), slow
/// answers down, and read every request it received.
/// </summary>
public sealed class FakeWeLinkServer : IAsyncDisposable
{
    public const string ClientId = "portal-client";
    public const string ClientSecret = "portal-secret";
    public const string AppId = "fake-app-id";
    public const string AppKey = "fake-app-key";

    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, bool> weLinkTokens = new(), meetingTokens = new(), controlTokens = new();
    private int throttleNext, http429Next, meetingCounter = 914_000_000;

    private FakeWeLinkServer(WebApplication app) => this.app = app;

    public string BaseUrl { get; private set; } = "";
    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();
    public int WeLinkTokenLifetimeSeconds { get; set; } = 7200;
    public volatile bool Outage;
    public TimeSpan Delay { get; set; }

    /// <summary>Mobile numbers (11 digits) with no WeLink account: the contact lookup answers 47001 for them.</summary>
    public ConcurrentDictionary<string, bool> UnknownPhones { get; } = new();

    public void ThrottleNext(int count) => Interlocked.Exchange(ref throttleNext, count);
    public void Http429Next(int count) => Interlocked.Exchange(ref http429Next, count);
    public void ExpireWeLinkTokens() => weLinkTokens.Clear();
    public void ExpireMeetingTokens() => meetingTokens.Clear();
    public void ExpireControlTokens() => controlTokens.Clear();

    public IReadOnlyList<RecordedRequest> To(string path) => Requests.Where(r => r.Path == path).ToList();

    public static async Task<FakeWeLinkServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeWeLinkServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        server.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return server;
    }

    private async Task HandleAsync(HttpContext http)
    {
        var request = http.Request;
        JsonNode? body = null;
        if (request.ContentLength is > 0 || request.Headers.ContentType.Count > 0)
        {
            using var reader = new StreamReader(request.Body);
            var text = await reader.ReadToEndAsync();
            body = text.Length > 0 ? JsonNode.Parse(text) : null;
        }
        var path = request.Path.Value ?? "";
        Requests.Enqueue(new RecordedRequest(request.Method, path, request.QueryString.Value ?? "", body,
            request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase)));
        if (Delay > TimeSpan.Zero)
            await Task.Delay(Delay, http.RequestAborted);
        var (status, answer) = Answer(http, request.Method, path, body);
        http.Response.StatusCode = status;
        if (answer is not null)
            await http.Response.WriteAsync(answer.ToJsonString(), http.RequestAborted);
    }

    private (int, JsonNode?) Answer(HttpContext http, string method, string path, JsonNode? body)
    {
        var weLink = path.StartsWith("/api/", StringComparison.Ordinal);
        if (Outage)
            return weLink ? (503, Obj(("code", "503"), ("message", "service unavailable"))) : (500, Err("MMC.111000000", "SYSTEM_ERROR"));
        if (Interlocked.Decrement(ref http429Next) >= 0)
            return (429, weLink ? Obj(("code", "429"), ("message", "too many requests")) : Err("100000429", "server flow control"));
        if (Interlocked.Decrement(ref throttleNext) >= 0 && weLink)
            return (200, Obj(("code", "48503"), ("message", "API rate limit exceeded")));

        if (weLink)
        {
            if (path == "/api/auth/v2/tickets")
            {
                if (body?["client_id"]?.ToString() != ClientId || body?["client_secret"]?.ToString() != ClientSecret)
                    return (200, Obj(("code", "10007"), ("message", "wrong clientId or clientSecret")));
                var token = NewToken(weLinkTokens);
                return (200, Obj(("code", "0"), ("message", "ok"), ("access_token", token), ("expires_in", WeLinkTokenLifetimeSeconds)));
            }
            if (!weLinkTokens.ContainsKey(http.Request.Headers["x-wlk-Authorization"].ToString()))
                return (401, Obj(("code", "401"), ("message", "access token invalid or expired")));
            if (path == "/api/contact/v1/users"
                && UnknownPhones.ContainsKey(http.Request.Query["mobileNumber"].ToString().Replace("+86-", "", StringComparison.Ordinal)))
                return (200, Obj(("code", "47001"), ("message", "user not exist")));
            return path switch
            {
                "/api/contact/v1/users" => (200, Obj(("code", "0"), ("message", "ok"), ("userStatus", "3"),
                    ("userId", $"u{http.Request.Query["mobileNumber"].ToString().Replace("+86-", "", StringComparison.Ordinal)}@welink"),
                    ("mobileNumber", http.Request.Query["mobileNumber"].ToString()))),
                "/api/messages/v2/card/common" => (200, Obj(("code", "0"), ("message", "ok"), ("itemId", Guid.NewGuid().ToString()))),
                "/api/contact/v2/departments/bulk" or "/api/contact/v1/users/bulk" => (200, Obj(("code", "0"), ("message", "ok"))),
                "/api/contact/v2/departments/status" => (200, StatusAnswer(body?["deptInfo"], "corpDeptCode", "47119")),
                "/api/contact/v1/users/status" => (200, StatusAnswer(body?["personInfo"], "corpUserId", "47109")),
                _ => (404, Obj(("code", "404"), ("message", "no such api"))),
            };
        }

        if (path == "/v2/usg/acs/auth/appauth")
            return AppAuth(http, body);
        if (path == "/v1/usg/acs/auth/proxy")
            return (200, Obj(("accessToken", NewToken(meetingTokens)), ("validPeriod", 43200)));
        if (path.StartsWith("/v1/mmc/control/", StringComparison.Ordinal) && path != "/v1/mmc/control/conferences/token")
        {
            if (!controlTokens.ContainsKey(http.Request.Headers["X-Conference-Authorization"].ToString()))
                return (401, Err("MMC.111071002", "CONF_TOKEN_INVALID"));
            return (200, Obj(("code", "0")));
        }
        if (!meetingTokens.ContainsKey(http.Request.Headers["X-Access-Token"].ToString()))
            return (401, Err("USG.000000004", "TOKEN_INVALID"));
        if (path == "/v1/mmc/control/conferences/token")
            return (200, new JsonObject { ["httpCode"] = 200, ["data"] = Obj(("token", NewToken(controlTokens)), ("validPeriod", 1800)) });
        if (path == "/v1/mmc/management/conferences")
        {
            if (method == "DELETE")
                return (200, null);
            var id = method == "PUT" ? http.Request.Query["conferenceID"].ToString() : Interlocked.Increment(ref meetingCounter).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var conf = Obj(("conferenceID", id), ("subject", body?["subject"]?.ToString()), ("startTime", body?["startTime"]?.ToString()),
                ("conferenceState", "Schedule"), ("confType", "FUTURE"),
                ("chairJoinUri", $"https://c.meeting.example.invalid/#/j/{id}/chair"), ("guestJoinUri", $"https://c.meeting.example.invalid/#/j/{id}/guest"));
            conf["passwordEntry"] = new JsonArray(Obj(("conferenceRole", "chair"), ("password", "246810")), Obj(("conferenceRole", "general"), ("password", "135790")));
            return (200, new JsonArray(conf));
        }
        return (404, Err("MMC.404", "NOT_FOUND"));
    }

    private (int, JsonNode?) AppAuth(HttpContext http, JsonNode? body)
    {
        var authorization = http.Request.Headers.Authorization.ToString();
        var nonce = body?["nonce"]?.ToString() ?? "";
        var data = $"{body?["appId"]}:{body?["userId"]}:{body?["expireTime"]}:{nonce}";
        var expected = Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(AppKey), Encoding.UTF8.GetBytes(data))).ToLowerInvariant();
        var access = Convert.ToBase64String(Encoding.UTF8.GetBytes(AppId));
        if (authorization != $"HMAC-SHA256 signature={expected},access={access}" || nonce.Length is < 32 or > 64)
            return (401, Err("USG.000000001", "SIGNATURE_INVALID"));
        return (200, Obj(("accessToken", NewToken(meetingTokens)), ("validPeriod", 43200), ("expireTime", DateTimeOffset.UtcNow.AddHours(12).ToUnixTimeSeconds())));
    }

    private static JsonObject StatusAnswer(JsonNode? items, string key, string code)
    {
        var data = new JsonArray();
        foreach (var item in items as JsonArray ?? [])
            data.Add(Obj((key, item?[key]?.ToString()), ("code", code), ("message", "ok")));
        return new JsonObject { ["code"] = "0", ["message"] = "ok", ["data"] = data };
    }

    private static string NewToken(ConcurrentDictionary<string, bool> set)
    {
        var token = Guid.NewGuid().ToString();
        set[token] = true;
        return token;
    }

    private static JsonObject Err(string code, string message) => Obj(("error_code", code), ("error_msg", message));

    private static JsonObject Obj(params (string Key, object? Value)[] pairs)
    {
        var o = new JsonObject();
        foreach (var (key, value) in pairs)
            o[key] = value switch
            {
                null => null,
                string v => JsonValue.Create(v),
                int v => JsonValue.Create(v),
                long v => JsonValue.Create(v),
                _ => JsonValue.Create(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)),
            };
        return o;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
