using System.Net;
using System.Text.RegularExpressions;
using InterviewPortal.Data.Notifications;
using InterviewPortal.IntegrationTests.FakeWeLink;
using InterviewPortal.IntegrationTests.Infrastructure;
using InterviewPortal.IntegrationTests.Me;
using InterviewPortal.IntegrationTests.WeLink;
using InterviewPortal.Web.Features.Notifications;
using InterviewPortal.Web.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.IntegrationTests.CandidateAuth;

/// <summary>
/// With the real HTTP gateway against the fake vendor: the code request answers the same 202 for a registered
/// number, one WeLink does not know (the vendor refuses) and an unregistered one; the code goes out through the
/// Notifications outbox, which records the refusal, and its text never stays readable in the database.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xunit disposes it through IAsyncLifetime.")]
public abstract partial class SignInCodeOutboxTests(DatabaseProvider provider) : IAsyncLifetime
{
    private FakeWeLinkServer fake = null!;
    private AddressedPortalFactory portal = null!;

    public async Task InitializeAsync()
    {
        fake = await FakeWeLinkServer.StartAsync();
        portal = new AddressedPortalFactory(provider);
        foreach (var (key, value) in HttpWeLinkGatewayTests.HttpGatewaySettings(fake))
            portal.Settings[key] = value;
        portal.Settings["Jobs:Server"] = "false"; // only the sign-in code sender talks to the fake vendor (no pre-exam notices)
        _ = portal.Server;
    }

    public async Task DisposeAsync()
    {
        await portal.DisposeAsync();
        await fake.DisposeAsync();
    }

    [Fact]
    public async Task Registered_refused_by_the_vendor_and_unknown_numbers_get_the_same_202_and_only_the_outbox_sees_the_refusal()
    {
        var known = await portal.CandidateAsync(0);
        var refused = await portal.CandidateAsync(1);
        fake.UnknownPhones[refused.Phone] = true;
        const string unregistered = "19900000201";

        var answers = new List<(HttpStatusCode Status, string? Type, string Body)>();
        foreach (var phone in new[] { known.Phone, refused.Phone, unregistered })
        {
            var response = await portal.ClientFrom("203.0.113.9").RequestCodeAsync(phone);
            answers.Add((response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync()));
        }
        Assert.All(answers, a => Assert.Equal((HttpStatusCode.Accepted, (string?)null, ""), a));

        var failed = await WaitForAsync(refused.Phone, n => n.Attempts > 0);
        Assert.Contains("no-account", failed.LastError, StringComparison.Ordinal);
        Assert.NotEqual(NotificationStatus.Sent, failed.Status);
        Assert.DoesNotContain("Your code is", failed.Text ?? "", StringComparison.Ordinal); // sealed while it waits
        Assert.False(await portal.WithDbAsync(db => db.Notifications.AnyAsync(n => n.Recipient == unregistered)));
        Assert.Equal(3, await portal.WithDbAsync(db => db.SignInCodes.CountAsync(c => c.RequestedFrom == "203.0.113.9")));
    }

    [Fact]
    public async Task The_code_reaches_WeLink_from_the_outbox_and_the_row_keeps_the_words_without_the_code()
    {
        var candidate = await portal.CandidateAsync(2);
        var client = portal.ClientFrom("203.0.113.10");
        Assert.Equal(HttpStatusCode.Accepted, (await client.RequestCodeAsync(candidate.Phone)).StatusCode);

        var row = await WaitForAsync(candidate.Phone, n => n.Status == NotificationStatus.Sent);
        var card = fake.To("/api/messages/v2/card/common").Single(r => r.Body!["toUserList"]![0]!.ToString() == $"u{candidate.Phone}@welink");
        var code = SixDigits().Match(card.Body!["msgContent"]!.ToString()).Value;
        Assert.Equal(6, code.Length);
        Assert.DoesNotContain(code, row.Text, StringComparison.Ordinal);
        Assert.Contains("Your code is ••••••", row.Text, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await client.RequestTokenAsync(candidate.Phone, code)).StatusCode);
    }

    private async Task<Notification> WaitForAsync(string phone, Func<Notification, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var row = await portal.WithDbAsync(db => db.Notifications.AsNoTracking()
                .FirstOrDefaultAsync(n => n.Recipient == phone && n.Template == NoticeTemplates.SignInCode));
            if (row is not null && done(row))
                return row;
            Assert.True(DateTime.UtcNow < deadline, $"The sign-in code row for {phone} did not reach the expected state within 10 s.");
            await Task.Delay(20);
        }
    }

    [GeneratedRegex(@"(?<!\d)\d{6}(?!\d)")]
    private static partial Regex SixDigits();
}

public sealed class SignInCodeOutboxSqliteTests() : SignInCodeOutboxTests(DatabaseProvider.Sqlite);

public sealed class SignInCodeOutboxPostgresTests() : SignInCodeOutboxTests(DatabaseProvider.PostgreSql);
