using System.Net.Http.Json;
using InterviewPortal.Data.Notifications;
using InterviewPortal.IntegrationTests.Infrastructure;
using InterviewPortal.Web.Features.Notifications;
using InterviewPortal.Web.Infrastructure.Database;
using InterviewPortal.Web.Infrastructure.WeLink;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewPortal.IntegrationTests.Notifications;

public sealed class NoticeDispatcherTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)] // concurrent claims really overlap there: the UPDATE re-checks Pending on the row
    public async Task Notices_are_sent_once_while_three_dispatchers_poll_the_same_table_concurrently(DatabaseProvider provider)
    {
        using var portal = new PortalFactory(provider);
        var ids = new List<int>();
        for (var i = 0; i < 8; i++)
            ids.Add(await portal.BookAsync(DateTime.UtcNow.AddMinutes(20).AddSeconds(2)));
        // The host's own dispatcher plus two more instances, polling as fast as they can until all are sent.
        var extra = Enumerable.Range(0, 2).Select(_ => ActivatorUtilities.CreateInstance<NoticeDispatcher>(portal.Services)).ToList();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var polls = extra.Select(d => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await d.DispatchDueAsync(stop.Token);
                await Task.Delay(20);
            }
        })).ToList();
        await NoticeTestKit.WaitUntilAsync(async () =>
            (await portal.WithDbAsync(db => db.Notifications.CountAsync(n => ids.Contains(n.InterviewId!.Value) && n.Status == NotificationStatus.Sent))) == ids.Count,
            TimeSpan.FromSeconds(25));
        await Task.Delay(1500);
        await stop.CancelAsync();
        await Task.WhenAll(polls.Select(p => p.ContinueWith(_ => { }, TaskScheduler.Default)));

        foreach (var id in ids)
            Assert.Equal(1, await portal.SentNoticesAsync(id));
    }

    [Fact]
    public async Task A_failing_gateway_is_retried_with_growing_back_off_then_the_notice_is_Failed_for_staff()
    {
        using var portal = new FailingGatewayPortal();
        portal.Settings["Jobs:NoticeRetrySeconds"] = "0.25";
        var id = await portal.BookAsync(DateTime.UtcNow.AddMinutes(20));

        await NoticeTestKit.WaitUntilAsync(async () => Assert.Single(await portal.NoticesAsync(id)).Status == NotificationStatus.Failed,
            TimeSpan.FromSeconds(40), async () => $"notice: {System.Text.Json.JsonSerializer.Serialize(await portal.NoticesAsync(id))}");
        var notice = Assert.Single(await portal.NoticesAsync(id));
        Assert.Equal(CandidateMessageSender.MaxAttempts, notice.Attempts);
        Assert.Contains("WeLink is down", notice.LastError, StringComparison.Ordinal);
        Assert.Equal(0, await portal.SentNoticesAsync(id));

        var calls = portal.Gateway.Calls;
        Assert.Equal(CandidateMessageSender.MaxAttempts, calls.Count);
        // Waits after attempts 1..4 are 0.5, 1, 2, 4 s: each gap at least its back-off, and growing.
        for (var n = 1; n < calls.Count; n++)
            Assert.True((calls[n] - calls[n - 1]).TotalSeconds >= 0.25 * Math.Pow(2, n) - 0.05, $"gap {n}: {(calls[n] - calls[n - 1]).TotalSeconds:F2} s");
        Assert.True(calls[^1] - calls[^2] > calls[1] - calls[0]);

        var assistant = await portal.ClientForStaffAsync("assistant1");
        var failed = await assistant.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/notifications?interviewId={id}&status=Failed");
        Assert.Equal(1, failed.GetProperty("total").GetInt32());
        Assert.Contains("WeLink is down", failed.GetProperty("items")[0].GetProperty("lastError").GetString(), StringComparison.Ordinal);
    }

    private sealed class FailingGatewayPortal : PortalFactory
    {
        public FailingSends Gateway { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(s => s.AddSingleton<IWeLinkGateway>(sp =>
                Gateway.Around(ActivatorUtilities.CreateInstance<SimulatedWeLinkGateway>(sp))));
        }
    }
}
