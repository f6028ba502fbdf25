using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using InterviewPortal.Data.Notifications;
using InterviewPortal.IntegrationTests.Infrastructure;
using InterviewPortal.IntegrationTests.Me;
using InterviewPortal.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.IntegrationTests.CandidateAuth;

public sealed record DemoCandidate(int Id, string ExamNumber, string Name, string Phone, int CollegeId);

/// <summary>Signs demo candidates in the way a real one does: ask for a code, read it where the gateway put it (the outbox), use it.</summary>
public static partial class CandidateSessions
{
    /// <summary>The n-th demo candidate (by id) who has an interview, or who has none.</summary>
    public static Task<DemoCandidate> CandidateAsync(this PortalFactory portal, int n, bool withInterview = true) =>
        portal.WithDbAsync(db => db.Candidates.OrderBy(c => c.Id)
            .Where(c => c.Interviews.Any() == withInterview)
            .Skip(n)
            .Select(c => new DemoCandidate(c.Id, c.ExamNumber, c.Name, c.Phone, c.CollegeId))
            .FirstAsync());

    public static async Task<HttpResponseMessage> RequestCodeAsync(this HttpClient client, string phone) =>
        await client.PostAsJsonAsync("/api/v1/candidate/auth/code", new { phone });

    public static async Task<HttpResponseMessage> RequestTokenAsync(this HttpClient client, string phone, string code) =>
        await client.PostAsJsonAsync("/api/v1/candidate/auth/token", new { phone, code });

    /// <summary>
    /// The code in the newest sign-in message to this phone, or null when none was sent. The code request only stages
    /// the message; the portal sends it moments later, off the request, so this waits until no code for the phone is
    /// still waiting in the outbox.
    /// </summary>
    public static async Task<string?> LatestCodeAsync(this PortalFactory portal, string phone)
    {
        await portal.WaitForSignInMessagesAsync(phone);
        var text = await portal.WithDbAsync(db => db.GatewayOutbox
            .Where(r => r.Recipient == phone && r.Kind == "SignInCode")
            .OrderByDescending(r => r.Id).Select(r => r.Text).FirstOrDefaultAsync());
        return text is null ? null : SixDigits().Match(text).Value;
    }

    /// <summary>Waits (at most ten seconds) until every sign-in code message staged for the phone has been sent or given up.</summary>
    public static async Task WaitForSignInMessagesAsync(this PortalFactory portal, string phone)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (await portal.WithDbAsync(db => db.Notifications.AnyAsync(n => n.Recipient == phone && n.Template == NoticeTemplates.SignInCode
                   && (n.Status == NotificationStatus.Pending || n.Status == NotificationStatus.Sending) && n.Attempts == 0)))
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"The sign-in code for {phone} was not sent within 10 s.");
            await Task.Delay(20);
        }
    }

    public static async Task<string> SendCodeAsync(this PortalFactory portal, HttpClient client, string phone)
    {
        var response = await client.RequestCodeAsync(phone);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return await portal.LatestCodeAsync(phone) ?? throw new InvalidOperationException("No code in the outbox.");
    }

    /// <summary>A client carrying a candidate bearer token obtained through the code API.</summary>
    public static async Task<HttpClient> ClientForCandidateAsync(this PortalFactory portal, DemoCandidate candidate)
    {
        var client = portal.CreateClient();
        var code = await portal.SendCodeAsync(client, candidate.Phone);
        var response = await client.RequestTokenAsync(candidate.Phone, code);
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return client;
    }

    /// <summary>A browser-like client signed in through the /Candidate/SignIn forms; it keeps the candidate cookie.</summary>
    public static async Task<(HttpClient Client, HttpResponseMessage Landing)> PageClientForCandidateAsync(this PortalFactory portal, DemoCandidate candidate)
    {
        var client = portal.CreateClient();
        var sent = await client.PostFormAsync("/Candidate/SignIn?handler=Code", new Dictionary<string, string> { ["Phone"] = candidate.Phone }, "/Candidate/SignIn");
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        var code = await portal.LatestCodeAsync(candidate.Phone) ?? throw new InvalidOperationException("No code in the outbox.");
        var landing = await client.PostFormAsync("/Candidate/SignIn?handler=Verify",
            new Dictionary<string, string> { ["Phone"] = candidate.Phone, ["Code"] = code }, "/Candidate/SignIn");
        return (client, landing);
    }

    [GeneratedRegex(@"(?<!\d)\d{6}(?!\d)")]
    private static partial Regex SixDigits();
}
