using InterviewPortal.Data.Interviews;
using InterviewPortal.IntegrationTests.FakeWeLink;
using InterviewPortal.IntegrationTests.Infrastructure;
using InterviewPortal.IntegrationTests.Notifications;
using InterviewPortal.IntegrationTests.WeLink;
using InterviewPortal.Web.Features.Invitations;
using InterviewPortal.Web.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewPortal.IntegrationTests.Invitations;

/// <summary>Hangfire runs a job at least once: the invitation's claim, not the job runner, decides who invites.</summary>
public sealed class InvitationClaimTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Two_concurrent_runs_of_one_invitation_job_invite_and_admit_the_candidate_once(DatabaseProvider provider)
    {
        await using var fake = await FakeWeLinkServer.StartAsync();
        using var portal = new PortalFactory(provider);
        foreach (var (key, value) in HttpWeLinkGatewayTests.HttpGatewaySettings(fake))
            portal.Settings[key] = value;
        portal.Settings["Jobs:Server"] = "false"; // only this test runs the job
        // The room's meeting exists already (a first candidate was brought in), so both runs would go straight to inviting.
        var (_, earlier) = await InvitedAsync(portal, 30);
        await RunJobAsync(portal, earlier);
        var (interviewId, invitationId) = await InvitedAsync(portal, 31);
        fake.Delay = TimeSpan.FromMilliseconds(300); // keeps both runs in flight at the same time

        await Task.WhenAll(Task.Run(() => RunJobAsync(portal, invitationId)), Task.Run(() => RunJobAsync(portal, invitationId)));

        var phone = await portal.WithDbAsync(db => db.Interviews.Where(i => i.Id == interviewId).Select(i => i.Candidate.Phone).FirstAsync());
        bool ForCandidate(RecordedRequest r) => r.Body?.ToJsonString().Contains(phone, StringComparison.Ordinal) == true;
        Assert.Single(fake.To("/v1/mmc/control/conferences/participants"), ForCandidate);
        Assert.Single(fake.To("/v1/mmc/control/conferences/allowWaitingParticipant"), ForCandidate);
        Assert.Single(fake.To("/v1/mmc/management/conferences"), r => r.Method == "POST");
        var invitation = await portal.WithDbAsync(db => db.MeetingInvitations.AsNoTracking().FirstAsync(i => i.Id == invitationId));
        Assert.Equal(InvitationStatus.Sent, invitation.Status);
        Assert.Equal(1, invitation.Attempts);
        Assert.NotNull(invitation.MeetingId);
    }

    // A verified interview moved to Invited with its invitation row, as the invite handler leaves it (without enqueuing).
    private static async Task<(int InterviewId, int InvitationId)> InvitedAsync(PortalFactory portal, double minutesFromNow)
    {
        var id = await portal.BookAsync(DateTime.UtcNow.AddMinutes(minutesFromNow));
        return await portal.WithDbAsync(async db =>
        {
            var interview = await db.NotifyAsync(id);
            interview.SubmitIdPhoto();
            interview.VerifyId();
            interview.Invite(DateTime.UtcNow);
            var invitation = new MeetingInvitation { InterviewId = interview.Id, RequestedBy = "test" };
            db.MeetingInvitations.Add(invitation);
            await db.SaveChangesAsync();
            return (interview.Id, invitation.Id);
        });
    }

    private static async Task RunJobAsync(PortalFactory portal, int invitationId)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SendInvitationJob>().RunAsync(invitationId, default);
    }
}
