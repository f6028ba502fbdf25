using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Polly.Timeout;

namespace InterviewPortal.Web.Infrastructure.WeLink;

/// <summary>
/// The typed HttpClient for both vendor systems (WeLink Open Platform and Cloud Meeting): envelopes,
/// tokens, re-authentication and throttle back-off. Shapes follow docs/design welink-api.md.
/// </summary>
public sealed class WeLinkApi(HttpClient http, WeLinkCaches caches, IOptions<WeLinkOptions> options, ILogger<WeLinkApi> log)
{
    public const string MeetingTokenInvalid = "USG.000000004";
    private WeLinkOptions O => options.Value;

    // ---- WeLink Open Platform: header x-wlk-Authorization ----
    public async Task<JsonNode?> OpenAsync(HttpMethod method, string path, object? body, CancellationToken ct)
    {
        var token = await caches.WeLink.GetAsync(FetchWeLinkTokenAsync, ct);
        try
        {
            return await SendAsync(() => Request(method, O.OpenApiBaseUrl, path, body, ("x-wlk-Authorization", token)), ct);
        }
        catch (WeLinkException e) when (e.HttpStatus == 401 || O.TokenErrorCodes.Contains(e.Code))
        {
            log.LogInformation("WeLink rejected the access token ({Code}); fetching a new one", e.Code);
            caches.WeLink.Invalidate(token);
            token = await caches.WeLink.GetAsync(FetchWeLinkTokenAsync, ct);
            return await SendAsync(() => Request(method, O.OpenApiBaseUrl, path, body, ("x-wlk-Authorization", token)), ct);
        }
    }

    private async Task<(string, TimeSpan)> FetchWeLinkTokenAsync(CancellationToken ct)
    {
        var node = await SendAsync(() => Request(HttpMethod.Post, O.OpenApiBaseUrl, "/api/auth/v2/tickets",
            new { client_id = O.ClientId, client_secret = O.ClientSecret }), ct);
        var token = node?["access_token"]?.GetValue<string>() ?? throw new WeLinkException("no-token", "The token answer has no access_token.");
        return (token, WeLinkCaches.CacheLifetime(Number(node?["expires_in"]) ?? 7200));
    }

    // ---- Cloud Meeting: header X-Access-Token; USG.000000004 means authenticate again ----
    public async Task<JsonNode?> MeetingAsync(HttpMethod method, string path, object? body, CancellationToken ct)
    {
        var token = await caches.Meeting.GetAsync(FetchMeetingTokenAsync, ct);
        try
        {
            return await SendAsync(() => Request(method, O.MeetingBaseUrl, path, body, ("X-Access-Token", token)), ct);
        }
        catch (WeLinkException e) when (e.Code == MeetingTokenInvalid || e.HttpStatus == 401)
        {
            log.LogInformation("Cloud Meeting rejected the access token ({Code}); authenticating again", e.Code);
            caches.Meeting.Invalidate(token);
            token = await caches.Meeting.GetAsync(FetchMeetingTokenAsync, ct);
            return await SendAsync(() => Request(method, O.MeetingBaseUrl, path, body, ("X-Access-Token", token)), ct);
        }
    }

    /// <summary>A meeting-control call with X-Conference-Authorization; an expired control token is fetched again once.</summary>
    public async Task<JsonNode?> ControlAsync(HttpMethod method, string conferenceId, string path, object? body, CancellationToken ct)
    {
        var cache = caches.ControlFor(conferenceId);
        var token = await cache.GetAsync(c => FetchControlTokenAsync(conferenceId, c), ct);
        try
        {
            return await SendAsync(() => Request(method, O.MeetingBaseUrl, path, body, ("X-Conference-Authorization", token)), ct);
        }
        catch (WeLinkException e) when (e.HttpStatus == 401 || e.Code == MeetingTokenInvalid)
        {
            log.LogInformation("Cloud Meeting rejected the control token of {ConferenceId} ({Code}); fetching a new one", conferenceId, e.Code);
            cache.Invalidate(token);
            token = await cache.GetAsync(c => FetchControlTokenAsync(conferenceId, c), ct);
            return await SendAsync(() => Request(method, O.MeetingBaseUrl, path, body, ("X-Conference-Authorization", token)), ct);
        }
    }

    // [I] GET /v1/mmc/control/conferences/token as the meeting's owner (access token, host password when known); valid ~30 min.
    private async Task<(string, TimeSpan)> FetchControlTokenAsync(string conferenceId, CancellationToken ct)
    {
        var path = $"/v1/mmc/control/conferences/token?conferenceID={Uri.EscapeDataString(conferenceId)}";
        var access = await caches.Meeting.GetAsync(FetchMeetingTokenAsync, ct);
        caches.HostPasswords.TryGetValue(conferenceId, out var password);
        JsonNode? node;
        try
        {
            node = await SendAsync(() => Request(HttpMethod.Get, O.MeetingBaseUrl, path, null, ("X-Access-Token", access), ("X-Password", password), ("X-Login-Type", "1")), ct);
        }
        catch (WeLinkException e) when (e.Code == MeetingTokenInvalid)
        {
            caches.Meeting.Invalidate(access);
            access = await caches.Meeting.GetAsync(FetchMeetingTokenAsync, ct);
            node = await SendAsync(() => Request(HttpMethod.Get, O.MeetingBaseUrl, path, null, ("X-Access-Token", access), ("X-Password", password), ("X-Login-Type", "1")), ct);
        }
        var data = node?["data"] ?? node;
        var token = data?["token"]?.GetValue<string>() ?? throw new WeLinkException("no-token", "The control token answer has no token.");
        return (token, WeLinkCaches.CacheLifetime(Number(data?["validPeriod"]) ?? 1800));
    }

    private async Task<(string, TimeSpan)> FetchMeetingTokenAsync(CancellationToken ct)
    {
        JsonNode? node;
        if (O.MeetingAuth == MeetingAuthMode.WeLinkProxy)
        {
            node = await SendAsync(() => Request(HttpMethod.Post, O.MeetingBaseUrl, "/v1/usg/acs/auth/proxy", new
            {
                authServerType = "workplace", authType = "AccountAndPwd", clientType = 72, account = O.ProxyAccount, pwd = O.ProxyPassword,
            }), ct);
        }
        else
        {
            var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            var userId = O.MeetingUserId ?? "";
            var data = O.MeetingCorpId is { Length: > 0 } corp ? $"{O.MeetingAppId}:{corp}:{userId}:0:{nonce}" : $"{O.MeetingAppId}:{userId}:0:{nonce}";
            var signature = Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(O.MeetingAppKey!), Encoding.UTF8.GetBytes(data))).ToLowerInvariant();
            var authorization = $"HMAC-SHA256 signature={signature},access={Convert.ToBase64String(Encoding.UTF8.GetBytes(O.MeetingAppId!))}";
            node = await SendAsync(() => Request(HttpMethod.Post, O.MeetingBaseUrl, "/v2/usg/acs/auth/appauth",
                new { appId = O.MeetingAppId, clientType = 72, expireTime = 0, nonce, userId, corpId = O.MeetingCorpId },
                ("Authorization", authorization), ("X-Token-Type", "LongTicket")), ct);
        }
        var token = node?["accessToken"]?.GetValue<string>() ?? throw new WeLinkException("no-token", "The meeting auth answer has no accessToken.");
        return (token, WeLinkCaches.CacheLifetime(Number(node?["validPeriod"]) ?? 12 * 3600));
    }

    // ---- one request: envelopes and throttle back-off ----
    private async Task<JsonNode?> SendAsync(Func<HttpRequestMessage> build, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            using var request = build();
            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, ct);
            }
            catch (TimeoutRejectedException e)
            {
                throw new WeLinkException("timeout", $"{request.Method} {request.RequestUri?.AbsolutePath} timed out.", null, e);
            }
            catch (HttpRequestException e)
            {
                throw new WeLinkException("unreachable", e.Message, null, e);
            }
            using (response)
            {
                var text = await response.Content.ReadAsStringAsync(ct);
                var error = WeLinkEnvelope.Error(response.StatusCode, text, out var node);
                if (error is null)
                    return node;
                if (error.IsThrottle && attempt < O.ThrottleRetries)
                {
                    var delay = response.Headers.RetryAfter?.Delta
                        ?? TimeSpan.FromSeconds(O.ThrottleDelaySeconds * Math.Pow(2, attempt) * (0.8 + Random.Shared.NextDouble() * 0.4));
                    log.LogInformation("Throttled ({Code}) on {Path}; resending in {Delay}", error.Code, request.RequestUri?.AbsolutePath, delay);
                    await Task.Delay(delay, ct);
                    continue;
                }
                throw error;
            }
        }
    }

    private static HttpRequestMessage Request(HttpMethod method, string baseUrl, string path, object? body, params (string Name, string? Value)[] headers)
    {
        var request = new HttpRequestMessage(method, new Uri(baseUrl.TrimEnd('/') + path));
        foreach (var (name, value) in headers)
            if (value is not null)
                request.Headers.TryAddWithoutValidation(name, value);
        if (body is not null)
            request.Content = JsonContent.Create(body, options: WeLinkEnvelope.Json);
        return request;
    }

    private static double? Number(JsonNode? node) =>
        node is null ? null : double.TryParse(node.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : null;
}
