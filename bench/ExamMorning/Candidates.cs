using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace ExamMorning;

/// <summary>
/// One candidate's morning: ask for a code, read it where the simulated gateway "sent" it (the bench-only
/// /bench/sign-in-code, loopback only; the wait for it is the SMS's delivery and is not timed), sign in with it,
/// open the page and the API. The phone numbers are seed-bench's: 170 and the candidate's index in eight digits.
/// </summary>
public sealed class Candidates(Clients clients, Stats stats, IReadOnlyList<Uri> nodes)
{
    public static string Phone(int i) => $"170{i:D8}";

    public async Task RunAsync(int i, CancellationToken ct)
    {
        var node = nodes[i % nodes.Count];
        var phone = Phone(i);
        using var http = clients.For(Clients.Home(10 + i / 64_000, i % 64_000), node);
        if (await Clients.TimedAsync(stats, "code-request", () => http.PostAsJsonAsync("/api/v1/candidate/auth/code", new { phone }, ct)) is null)
            return;
        var code = await ReadCodeAsync(http, phone, ct);
        if (code is null)
        {
            stats.Error("code-delivery", $"no code for candidate {i} within 30 s");
            return;
        }
        var signedIn = await Clients.TimedAsync(stats, "sign-in", () => http.PostAsJsonAsync("/api/v1/candidate/auth/token", new { phone, code }, ct));
        if (signedIn is null)
            return;
        var token = (await signedIn.Content.ReadFromJsonAsync<Clients.TokenAnswer>(ct))!.AccessToken;
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        await Clients.TimedAsync(stats, "page", () => http.GetAsync("/Me", ct));
        await Clients.TimedAsync(stats, "me-api", () => http.GetAsync("/api/v1/me", ct));
        stats.Count("candidates-done");
    }

    private static async Task<string?> ReadCodeAsync(HttpClient http, string phone, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        var wait = 50;
        while (DateTime.UtcNow < deadline)
        {
            await Task.Delay(wait, ct);
            using var answer = await http.GetAsync($"/bench/sign-in-code?phone={phone}", ct);
            if (answer.IsSuccessStatusCode)
                return (await answer.Content.ReadFromJsonAsync<CodeAnswer>(ct))!.Code;
            wait = Math.Min(wait * 2, 500);
        }
        return null;
    }

    private sealed record CodeAnswer(string Code);
}
