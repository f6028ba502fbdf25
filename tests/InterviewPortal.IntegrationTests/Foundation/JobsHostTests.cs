using System.Net;
using System.Net.Http.Json;
using InterviewPortal.Data.Notifications;
using InterviewPortal.IntegrationTests.Infrastructure;
using InterviewPortal.IntegrationTests.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace InterviewPortal.IntegrationTests.Foundation;

public sealed class JobsHostTests
{
    [Fact]
    public async Task Notices_scheduled_before_a_restart_are_sent_once_by_the_new_process_on_the_same_database()
    {
        using var first = new PortalFactory();
        var ids = new List<int>();
        for (var i = 0; i < 4; i++)
            ids.Add(await first.BookAsync(DateTime.UtcNow.AddMinutes(20).AddSeconds(6 + i)));
        // Stop the first process before anything is due: its Hangfire server and hosted services end.
        await first.Services.GetRequiredService<IHostApplicationLifetime>().StopAsyncAndWait();

        using var second = new PortalFactory();
        second.Settings["ConnectionStrings:Portal"] = first.Database.ConnectionString;
        second.Settings["Storage:Root"] = first.Database.Folder;
        _ = second.Server;
        await NoticeTestKit.WaitUntilAsync(async () =>
        {
            // The row is marked Sent just after the gateway call returns: wait for both.
            var sent = 0;
            foreach (var id in ids)
                sent += await second.SentNoticesAsync(id);
            return sent == ids.Count && await second.WithDbAsync(db =>
                db.Notifications.CountAsync(n => ids.Contains(n.InterviewId!.Value) && n.Status == NotificationStatus.Sent)) == ids.Count;
        }, TimeSpan.FromSeconds(45));
        foreach (var id in ids)
            Assert.Equal(NotificationStatus.Sent, Assert.Single(await second.NoticesAsync(id)).Status);
        await Task.Delay(1500);
        foreach (var id in ids)
            Assert.Equal(1, await second.SentNoticesAsync(id));
    }

    [Fact]
    public async Task Dashboard_outbox_and_audit_are_for_admins_only_and_readiness_covers_the_job_storage()
    {
        using var portal = new PortalFactory();
        var anonymous = portal.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var secretary = await portal.ClientForStaffAsync("secretary1");
        var admin = await portal.ClientForStaffAsync("admin");

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/hangfire")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await secretary.GetAsync("/hangfire")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/hangfire")).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/outbox")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await secretary.GetAsync("/api/v1/outbox")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await secretary.GetAsync("/api/v1/audit")).StatusCode);

        await portal.WithDbAsync(db =>
        {
            db.GatewayOutbox.Add(new GatewayRecord { Kind = "Message", Recipient = "13800000001", Text = "first" });
            db.GatewayOutbox.Add(new GatewayRecord { Kind = "Notice", Recipient = "13800000001", Text = "second" });
            db.GatewayOutbox.Add(new GatewayRecord { Kind = "Notice", Recipient = "13800000002", Text = "other" });
            return db.SaveChangesAsync();
        });
        var page = await admin.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/outbox?recipient=13800000001");
        var items = page.GetProperty("items");
        Assert.Equal(2, items.GetArrayLength());
        Assert.Equal("second", items[0].GetProperty("text").GetString()); // newest first
        var notices = await admin.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/outbox?recipient=13800000001&kind=Notice");
        Assert.Equal(1, notices.GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync("/api/v1/outbox?pageSize=500")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/v1/audit?entity=Interview")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/ready")).StatusCode);
    }
}

internal static class LifetimeExtensions
{
    public static async Task StopAsyncAndWait(this IHostApplicationLifetime lifetime)
    {
        var stopped = new TaskCompletionSource();
        lifetime.ApplicationStopped.Register(() => stopped.TrySetResult());
        lifetime.StopApplication();
        await Task.WhenAny(stopped.Task, Task.Delay(TimeSpan.FromSeconds(20)));
    }
}
