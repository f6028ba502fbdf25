using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace InterviewPortal.Web.Infrastructure.Meetings.Tencent;

/// <summary>
/// The typed HttpClient for Tencent Meeting's REST API (backup-meeting-api.md): every try signed anew (new nonce,
/// timestamp and signature), the error envelope turned into <see cref="MeetingPlatformException"/>. A try the
/// platform says it did not carry out (too frequent, replay, clock window) is sent again; rationed creation (9008)
/// never is: it lasts minutes to a day and the person who asked must know.
/// </summary>
public sealed class TencentMeetingApi(HttpClient http, IOptions<BackupMeetingOptions> options, TimeProvider clock, ILogger<TencentMeetingApi> log)
{
    public const string Rationed = "9008";

    /// <summary>Refusals that say nothing was done: 190300 clock skew, 190301 replay, 9061 too frequent, 9098 concurrency, 190310 per-minute limit.</summary>
    private static readonly HashSet<string> NotDone = ["190300", "190301", "9061", "9098", "190310"];

    private BackupMeetingOptions O => options.Value;

    public async Task<JsonNode?> SendAsync(HttpMethod method, string pathAndQuery, object? body, CancellationToken ct)
    {
        var bytes = body is null ? [] : JsonSerializer.SerializeToUtf8Bytes(body);
        for (var attempt = 1; ; attempt++)
        {
            using var request = Signed(method, pathAndQuery, bytes);
            using var response = await http.SendAsync(request, ct);
            var node = Parse(await response.Content.ReadAsStringAsync(ct));
            var status = (int)response.StatusCode;
            if (status < 300)
                return node;
            var error = node?["error_info"];
            var code = error?["error_code"]?.ToString() ?? status.ToString(CultureInfo.InvariantCulture);
            var newCode = error?["new_error_code"]?.ToString();
            var message = error?["message"]?.ToString() ?? $"HTTP {status}";
            if (code == Rationed || newCode == Rationed)
                throw new MeetingPlatformException(Rationed, message, rationed: true);
            if ((NotDone.Contains(code) || (newCode is not null && NotDone.Contains(newCode)) || status == 429) && attempt < O.MaxTries)
            {
                log.LogInformation("Tencent Meeting refused {Method} {Path} with {Code}; trying again with a new nonce", method.Method, PathOnly(pathAndQuery), code);
                await Task.Delay(TimeSpan.FromMilliseconds(250 * attempt), ct);
                continue;
            }
            throw new MeetingPlatformException(code, message);
        }
    }

    private HttpRequestMessage Signed(HttpMethod method, string pathAndQuery, byte[] body)
    {
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var nonce = RandomNumberGenerator.GetInt32(1, int.MaxValue).ToString(CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(method, new Uri(new Uri(O.BaseUrl), pathAndQuery));
        if (body.Length > 0 || method != HttpMethod.Get)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }
        var h = request.Headers;
        h.TryAddWithoutValidation("X-TC-Key", O.SecretId);
        h.TryAddWithoutValidation("X-TC-Timestamp", timestamp);
        h.TryAddWithoutValidation("X-TC-Nonce", nonce);
        h.TryAddWithoutValidation("X-TC-Signature", TencentSignature.Compute(O.SecretKey!, method.Method, O.SecretId!, nonce, timestamp, pathAndQuery, body));
        h.TryAddWithoutValidation("AppId", O.AppId);
        if (!string.IsNullOrWhiteSpace(O.SdkId))
            h.TryAddWithoutValidation("SdkId", O.SdkId);
        h.TryAddWithoutValidation("X-TC-Registered", "1");
        return request;
    }

    // Tolerant: an empty or non-JSON answer (the admit call's success body is unconfirmed) is no answer, not an error.
    private static JsonNode? Parse(string text)
    {
        try
        {
            return text.Length == 0 ? null : JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string PathOnly(string pathAndQuery) => pathAndQuery.Split('?')[0];
}
