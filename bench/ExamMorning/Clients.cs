using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;

namespace ExamMorning;

/// <summary>
/// HTTP clients that look like separate homes: each binds its connections to its own loopback source address
/// (127.a.b.c; Linux answers the whole 127/8), so the portal's per-address sign-in limits see one caller each.
/// With <c>--proxy-header</c> they share the default source and name their address in X-Forwarded-For instead,
/// as the configured proxy would (the portal must then trust 127.0.0.1 in ForwardedHeaders:KnownProxies).
/// </summary>
public sealed class Clients(bool proxyHeader)
{
    public static IPAddress Home(int block, int i) => new([127, (byte)block, (byte)(i / 250 % 256), (byte)(i % 250 + 1)]);

    public HttpClient For(IPAddress home, Uri node)
    {
        var handler = new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(15) };
        if (!proxyHeader)
            handler.ConnectCallback = async (context, ct) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(home, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, ct);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            };
        var client = new HttpClient(handler) { BaseAddress = node, Timeout = TimeSpan.FromSeconds(30) };
        if (proxyHeader)
            client.DefaultRequestHeaders.Add("X-Forwarded-For", home.ToString());
        return client;
    }

    /// <summary>Sends, times and checks one request: a status other than 2xx/3xx or an exception is an error of that step.</summary>
    public static async Task<HttpResponseMessage?> TimedAsync(Stats stats, string step, Func<Task<HttpResponseMessage>> send)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await send();
            // The body is part of the answer's time (the page's HTML, the API's JSON).
            await response.Content.LoadIntoBufferAsync();
            stats.Record(step, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if ((int)response.StatusCode >= 400)
            {
                stats.Error(step, $"{(int)response.StatusCode} {Truncate(await response.Content.ReadAsStringAsync())}");
                return null;
            }
            return response;
        }
        catch (Exception e)
        {
            stats.Error(step, $"{e.GetType().Name}: {e.Message}");
            return null;
        }
    }

    public static async Task<string?> StaffTokenAsync(HttpClient client, Stats stats, string userName, string password)
    {
        var response = await TimedAsync(stats, "staff-sign-in", () => client.PostAsJsonAsync("/api/v1/auth/token", new { userName, password }));
        if (response is null)
            return null;
        var token = (await response.Content.ReadFromJsonAsync<TokenAnswer>())!.AccessToken;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return token;
    }

    private static string Truncate(string s) => s.Length <= 200 ? s : s[..200];

    public sealed record TokenAnswer(string AccessToken);
}
