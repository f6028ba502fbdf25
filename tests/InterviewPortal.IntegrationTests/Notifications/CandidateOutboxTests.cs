using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InterviewPortal.Data;
using InterviewPortal.Data.Interviews;
using InterviewPortal.Data.Notifications;
using InterviewPortal.IntegrationTests.CandidateAuth;
using InterviewPortal.IntegrationTests.Infrastructure;
using InterviewPortal.IntegrationTests.Me;
using InterviewPortal.IntegrationTests.Rehearsals;
using InterviewPortal.Web.Features.Notifications;
using InterviewPortal.Web.Infrastructure.Database;
using InterviewPortal.Web.Infrastructure.WeLink;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewPortal.IntegrationTests.Notifications;

/// <summary>
/// The paths that used to stage (or send) a candidate message their own way now stage one outbox row through
/// <c>CandidateOutbox</c>, and the row goes out once however many senders race for it: the request's own send,
/// the sign-in code sender, three direct sends and three dispatchers (two extra and the host's own).
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xunit disposes it through IAsyncLifetime.")]
public abstract class CandidateOutboxTests(DatabaseProvider provider) : IAsyncLifetime
{
    private OutboxPortal portal = null!;

    public Task InitializeAsync()
    {
        portal = new OutboxPortal(provider);
        portal.Settings["Jobs:NoticeRetrySeconds"] = "60"; // a refused message waits two minutes: only the test's race sends it again
        _ = portal.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await portal.DisposeAsync();

    [Fact]
    public async Task A_pledge_reminder_WeLink_refused_stays_one_outbox_row_and_goes_out_once_while_senders_race_for_it()
    {
        var college = await portal.CollegeOfAsync("secretary1");
        var version = await portal.WithDbAsync(db => db.PledgeVersions.MaxAsync(p => p.Version));
        var target = await portal.WithDbAsync(db => db.Candidates
            .Where(c => c.CollegeId == college && !db.PledgeConfirmations.Any(p => p.CandidateId == c.Id && p.Version == version))
            .OrderBy(c => c.Id).Select(c => new { c.Id, c.Phone }).FirstAsync());
        var secretary = await portal.ClientForStaffAsync("secretary1");

        portal.Gateway.Down = true;
        var response = await secretary.PostAsJsonAsync("/api/v1/pledge/reminders", new { candidateIds = new[] { target.Id } });
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((0, 1), (result.GetProperty("sent").GetInt32(), result.GetProperty("failed").GetInt32()));
        var row = Assert.Single(await RowsAsync(NoticeTemplates.PledgeReminder, target.Phone));
        Assert.Equal((NotificationStatus.Pending, 1), (row.Status, row.Attempts)); // kept for a retry, not lost
        Assert.StartsWith($"{NoticeTemplates.PledgeReminder}:{version}:{target.Id}:", row.IdempotencyKey, StringComparison.Ordinal);

        await RecoverAndRaceAsync(row.Id);

        var sent = Assert.Single(await RowsAsync(NoticeTemplates.PledgeReminder, target.Phone));
        Assert.Equal((NotificationStatus.Sent, 2), (sent.Status, sent.Attempts)); // the refused attempt and one send
        Assert.Equal(1, await DeliveredAsync("PledgeReminder", target.Phone));
    }

    [Fact]
    public async Task A_sign_in_code_WeLink_refused_stays_one_outbox_row_goes_out_once_while_senders_race_and_then_works()
    {
        var candidate = await portal.CandidateAsync(3);
        var client = portal.CreateClient();

        portal.Gateway.Down = true;
        Assert.Equal(HttpStatusCode.Accepted, (await client.RequestCodeAsync(candidate.Phone)).StatusCode);
        await NoticeTestKit.WaitUntilAsync(async () => (await RowsAsync(NoticeTemplates.SignInCode, candidate.Phone)).Any(n => n.Attempts > 0), TimeSpan.FromSeconds(10));
        var row = Assert.Single(await RowsAsync(NoticeTemplates.SignInCode, candidate.Phone));
        Assert.Equal(NotificationStatus.Pending, row.Status);

        await RecoverAndRaceAsync(row.Id);

        var sent = Assert.Single(await RowsAsync(NoticeTemplates.SignInCode, candidate.Phone));
        Assert.Equal((NotificationStatus.Sent, 2), (sent.Status, sent.Attempts));
        Assert.Equal(1, await DeliveredAsync("SignInCode", candidate.Phone));
        var code = await portal.LatestCodeAsync(candidate.Phone);
        Assert.Equal(HttpStatusCode.OK, (await client.RequestTokenAsync(candidate.Phone, code!)).StatusCode);
    }

    [Fact]
    public async Task Two_sweeps_racing_create_one_late_notice_for_an_interview_that_had_none_and_it_goes_out_once()
    {
        portal.Gateway.Down = false;
        var id = await portal.WithDbAsync(async db =>
        {
            var room = await db.ExamRooms.OrderBy(r => r.Id).FirstAsync();
            var candidate = await db.Candidates.Where(c => c.CollegeId == room.CollegeId && !c.Interviews.Any()).OrderByDescending(c => c.Id).FirstAsync();
            var interview = Interview.Book(candidate, room, DateTime.UtcNow.AddMinutes(10), 20, InterviewKind.Exam); // inside its notice window, no notice
            db.Interviews.Add(interview);
            await db.SaveChangesAsync();
            return interview.Id;
        });

        await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            await using var scope = portal.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<MissedNoticeSweep>().RunAsync(default);
        })));

        var notice = Assert.Single(await portal.NoticesAsync(id));
        Assert.True(notice.Late);
        await portal.WaitUntilNoticeSentAsync(id);
        Assert.Equal(1, await portal.SentNoticesAsync(id));
    }

    [Fact]
    public async Task Staging_refuses_a_message_without_its_words_or_with_another_templates_key_and_stages_nothing()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<CandidateOutbox>();
        var now = DateTime.UtcNow;

        Assert.Throws<ArgumentException>(() => outbox.Stage(new StagedMessage(NoticeTemplates.PledgeReminder, $"{NoticeTemplates.PledgeReminder}:1", 1, "13800000000", now)));
        Assert.Throws<ArgumentException>(() => outbox.Stage(new StagedMessage(NoticeTemplates.IdDecision, NoticeTemplates.PreExamKey(1, now, 1, Guid.NewGuid()), 1, "13800000000", now)
        {
            Title = "t",
            Text = "x",
        }));
        Assert.Empty(scope.ServiceProvider.GetRequiredService<PortalDbContext>().ChangeTracker.Entries<Notification>());
    }

    // WeLink comes back and the row is due again; three direct sends and two extra dispatchers race the host's own for it.
    private async Task RecoverAndRaceAsync(long rowId)
    {
        portal.Gateway.Down = false;
        await portal.WithDbAsync(db => db.Notifications.Where(n => n.Id == rowId).ExecuteUpdateAsync(s => s.SetProperty(n => n.DueAt, DateTime.UtcNow)));
        var dispatchers = Enumerable.Range(0, 2).Select(_ => ActivatorUtilities.CreateInstance<NoticeDispatcher>(portal.Services)).ToList();
        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => (Task)Task.Run(() => portal.RunNoticeJobAsync(rowId)))
            .Concat(dispatchers.Select(d => (Task)Task.Run(() => d.DispatchDueAsync(default)))));
        await NoticeTestKit.WaitUntilAsync(() => portal.WithDbAsync(db => db.Notifications.AnyAsync(n => n.Id == rowId && n.Status == NotificationStatus.Sent)),
            TimeSpan.FromSeconds(10));
        await Task.Delay(1500); // a poll of the host's dispatcher that came late would have sent it by now
    }

    private Task<List<Notification>> RowsAsync(string template, string phone) =>
        portal.WithDbAsync(db => db.Notifications.AsNoTracking().Where(n => n.Template == template && n.Recipient == phone).ToListAsync());

    private Task<int> DeliveredAsync(string kind, string phone) =>
        portal.WithDbAsync(db => db.GatewayOutbox.CountAsync(g => g.Kind == kind && g.Recipient == phone));

    private sealed class OutboxPortal(DatabaseProvider provider) : PortalFactory(provider)
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

public sealed class CandidateOutboxSqliteTests() : CandidateOutboxTests(DatabaseProvider.Sqlite);

public sealed class CandidateOutboxPostgresTests() : CandidateOutboxTests(DatabaseProvider.PostgreSql);
