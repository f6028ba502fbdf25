using System.Collections.Concurrent;
using System.Globalization;
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

namespace InterviewPortal.IntegrationTests.FakeTencentMeeting;

public sealed record TencentRequest(string Method, string PathAndQuery, string Body, IReadOnlyDictionary<string, string> Headers, string? Refusal);

/// <summary>
/// Tencent Meeting on loopback (Kestrel, port 0), strict where backup-meeting-api.md is: it checks every call's
/// headers and AK/SK signature over the exact bytes received (computed here on its own, not with the portal's code),
/// the 5-minute clock window, replayed timestamp + nonce, answers errors in the error envelope and rations creation
/// (9008). Tests can refuse the next calls with a code, put people in a waiting room, and read every request.
/// </summary>
public sealed class FakeTencentMeetingServer : IAsyncDisposable
{
    public const string SecretId = "AKIDfakeportal";
    public const string SecretKey = "fake-secret-key";
    public const string AppId = "200000001";
    public const string UserId = "yanzhao-meeting";

    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, bool> seen = new();
    private readonly ConcurrentQueue<string> refuseNext = new();
    private int meetingCounter = 100_000, created;

    private FakeTencentMeetingServer(WebApplication app) => this.app = app;

    public string BaseUrl { get; private set; } = "";
    public ConcurrentQueue<TencentRequest> Requests { get; } = new();
    public ConcurrentDictionary<string, JsonObject> Meetings { get; } = new();

    /// <summary>How long each answer is held back (keeps parallel callers in flight at the same time).</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>Creations allowed before 9008 (rationed) answers.</summary>
    public int CreationsAllowed { get; set; } = 100;

    /// <summary>Who waits, per meeting id: display name (plain; sent base64 like the platform), ms_open_id.</summary>
    public ConcurrentDictionary<string, List<(string Name, string OpenId)>> Waiting { get; } = new();

    /// <summary>The next calls are refused with these codes (in the error envelope), whatever they are.</summary>
    public void RefuseNext(params string[] codes)
    {
        foreach (var code in codes)
            refuseNext.Enqueue(code);
    }

    public IReadOnlyList<TencentRequest> Accepted(string method, string pathPrefix) =>
        Requests.Where(r => r.Refusal is null && r.Method == method && r.PathAndQuery.StartsWith(pathPrefix, StringComparison.Ordinal)).ToList();

    public static async Task<FakeTencentMeetingServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeTencentMeetingServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        server.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return server;
    }

    /// <summary>The signature as the spec words it, written out separately from the portal's TencentSignature.</summary>
    public static string ExpectedSignature(string method, string key, string nonce, string timestamp, string uri, string body)
    {
        var text = method + "\n" + "X-TC-Key=" + key + "&X-TC-Nonce=" + nonce + "&X-TC-Timestamp=" + timestamp + "\n" + uri + "\n" + body;
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(SecretKey));
        var hex = new StringBuilder();
        foreach (var b in hmac.ComputeHash(Encoding.UTF8.GetBytes(text)))
            hex.Append(b.ToString("x2", CultureInfo.InvariantCulture));
        return Convert.ToBase64String(Encoding.ASCII.GetBytes(hex.ToString()));
    }

    private async Task HandleAsync(HttpContext http)
    {
        var request = http.Request;
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var uri = request.Path.Value + request.QueryString.Value;
        var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        if (Delay > TimeSpan.Zero)
            await Task.Delay(Delay, http.RequestAborted);
        var (status, answer, refusal) = Answer(request.Method, request.Path.Value ?? "", uri, body, headers);
        Requests.Enqueue(new TencentRequest(request.Method, uri, body, headers, refusal));
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        if (answer is not null)
            await http.Response.WriteAsync(answer.ToJsonString(), http.RequestAborted);
    }

    private (int, JsonNode?, string?) Answer(string method, string path, string uri, string body, Dictionary<string, string> h)
    {
        string H(string name) => h.TryGetValue(name, out var v) ? v : "";
        if (H("X-TC-Key") != SecretId || H("AppId") != AppId || H("X-TC-Registered") != "1")
            return Error(400, "190303", "unknown AppId, key or SdkId");
        if (method != "GET" && !H("Content-Type").StartsWith("application/json", StringComparison.Ordinal))
            return Error(400, "190004", "Content-Type must be application/json");
        if (!long.TryParse(H("X-TC-Timestamp"), out var ts) || Math.Abs(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - ts) > 300)
            return Error(400, "190300", "timestamp out of the window");
        if (!long.TryParse(H("X-TC-Nonce"), out var nonce) || nonce <= 0)
            return Error(400, "190004", "nonce must be a positive integer");
        if (H("X-TC-Signature") != ExpectedSignature(method, SecretId, H("X-TC-Nonce"), H("X-TC-Timestamp"), uri, body))
            return Error(400, "200003", "bad signature");
        if (!seen.TryAdd(H("X-TC-Timestamp") + "/" + H("X-TC-Nonce"), true))
            return Error(400, "190301", "replayed request");
        if (refuseNext.TryDequeue(out var code))
            return Error(code == "9008" ? 400 : 500, code, "refused (test)");
        var json = body.Length > 0 ? JsonNode.Parse(body) : null;
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return (method, segments) switch
        {
            ("POST", ["v1", "meetings"]) => Create(json),
            ("PUT", ["v1", "meetings", var id]) => Meetings.ContainsKey(id) ? Ok(new JsonObject()) : Error(400, "9003", "no such meeting"),
            ("POST", ["v1", "meetings", var id, "cancel" or "dismiss"]) => Meetings.TryGetValue(id, out var m) && (string?)m["state"] != "CANCELLED"
                ? Done(m, segments[3]) : Error(400, "9007", "already cancelled"),
            ("GET", ["v1", "meeting", var id, "waiting-room"]) => Ok(new JsonObject
            {
                ["participants"] = new JsonArray(Waiting.GetValueOrDefault(id, []).Select(p => (JsonNode)new JsonObject
                {
                    ["user_name"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(p.Name)),
                    ["ms_open_id"] = p.OpenId,
                    ["instanceid"] = 2,
                    ["join_time"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
                }).ToArray()),
            }),
            ("PUT", ["v1", "real-control", "meetings", var id, "waiting-room"]) => Admit(id, json),
            _ => Error(404, "190004", "no such api"),
        };
    }

    private (int, JsonNode?, string?) Create(JsonNode? json)
    {
        if (json?["userid"]?.ToString() != UserId || json["instanceid"]?.GetValue<int>() != 1 || json["type"]?.GetValue<int>() != 0)
            return Error(400, "190004", "userid, instanceid 1 and type 0 are required");
        if (json["guests"] is not null)
            return Error(400, "190004", "the portal must never add guests");
        if (Interlocked.Increment(ref created) > CreationsAllowed)
            return Error(400, "9008", "meeting creation rationed");
        var id = $"1{Interlocked.Increment(ref meetingCounter):D9}";
        var meeting = new JsonObject
        {
            ["meeting_id"] = id,
            ["meeting_code"] = id[^9..],
            ["join_url"] = $"https://meeting.tencent.com/dm/{id}",
            ["subject"] = json["subject"]?.ToString(),
            ["settings"] = json["settings"]?.DeepClone(),
            ["state"] = "MEETING_STATE_INIT",
        };
        Meetings[id] = meeting;
        return Ok(new JsonObject { ["meeting_number"] = 1, ["meeting_info_list"] = new JsonArray(meeting.DeepClone()) });
    }

    private (int, JsonNode?, string?) Admit(string id, JsonNode? json)
    {
        var user = json?["users"]?[0];
        if (json?["operate_type"]?.GetValue<int>() != 1 || user?["to_operator_id_type"]?.GetValue<int>() != 4)
            return Error(400, "190004", "operate_type 1 and to_operator_id_type 4 are required");
        var openId = user["to_operator_id"]?.ToString();
        var list = Waiting.GetValueOrDefault(id, []);
        lock (list)
        {
            if (list.RemoveAll(p => p.OpenId == openId) == 0)
                return Error(400, "190004", "nobody with that id waits");
        }
        return Ok(new JsonObject());
    }

    private static (int, JsonNode?, string?) Done(JsonObject meeting, string action)
    {
        meeting["state"] = action == "cancel" ? "CANCELLED" : "ENDED";
        return Ok(null);
    }

    private static (int, JsonNode?, string?) Ok(JsonNode? answer) => (200, answer, null);

    private static (int, JsonNode?, string?) Error(int status, string code, string message) =>
        (status, new JsonObject { ["error_info"] = new JsonObject { ["error_code"] = int.Parse(code, CultureInfo.InvariantCulture), ["new_error_code"] = int.Parse(code, CultureInfo.InvariantCulture), ["message"] = message } }, code);

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
