using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InterviewPortal.Data.Interviews;
using InterviewPortal.IntegrationTests.Infrastructure;
using InterviewPortal.IntegrationTests.Notifications;
using InterviewPortal.Web.Features.Invitations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewPortal.IntegrationTests.Invitations;

public sealed class InvitationTests(SqlitePortalFactory portal) : IClassFixture<SqlitePortalFactory>
{
    private async Task<int> VerifiedInterviewAsync(double minutesFromNow)
    {
        var id = await portal.BookAsync(DateTime.UtcNow.AddMinutes(minutesFromNow));
        await portal.WithDbAsync(async db =>
        {
            var interview = await db.NotifyAsync(id);
            interview.SubmitIdPhoto();
            interview.VerifyId();
            await db.SaveChangesAsync();
        });
        return id;
    }

    private async Task<List<JsonElement>> InvitationsAsync(HttpClient client, int id) =>
        (await client.GetFromJsonAsync<List<JsonElement>>($"/api/v1/interviews/{id}/invitations"))!;

    private async Task<string> Describe(HttpClient client, params int[] ids)
    {
        var rows = new List<string>();
        foreach (var id in ids)
            rows.AddRange((await InvitationsAsync(client, id)).Select(r => r.ToString()));
        return string.Join(" | ", rows);
    }

    [Fact]
    public async Task Two_candidates_of_one_room_and_day_share_one_meeting_created_once_with_waiting_room_and_recording()
    {
        var first = await VerifiedInterviewAsync(30);
        var second = await VerifiedInterviewAsync(31);
        var assistant = await portal.ClientForStaffAsync("assistant1");

        var responses = await Task.WhenAll(assistant.PostAsync($"/api/v1/interviews/{first}/invite", null), assistant.PostAsync($"/api/v1/interviews/{second}/invite", null));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
        await NoticeTestKit.WaitUntilAsync(async () =>
            (await InvitationsAsync(assistant, first)).Concat(await InvitationsAsync(assistant, second)).All(i => i.GetProperty("status").GetString() == "Sent"),
            TimeSpan.FromSeconds(40), () => Describe(assistant, first, second));

        var meetingIds = new[] { first, second }.Select(async id => (await InvitationsAsync(assistant, id))[0].GetProperty("meetingId").GetString()).Select(t => t.Result).ToList();
        Assert.Single(meetingIds.Distinct());
        Assert.NotNull(meetingIds[0]);
        var creates = await portal.WithDbAsync(db => db.GatewayOutbox.Where(r => r.Kind == "Meeting" && r.Text.StartsWith("Create meeting")).ToListAsync());
        var create = Assert.Single(creates, c => c.Text.Contains(meetingIds[0]!, StringComparison.Ordinal));
        Assert.Contains("recording on", create.Text, StringComparison.Ordinal);
        Assert.Contains("waiting room on", create.Text, StringComparison.Ordinal);
        var phones = await portal.WithDbAsync(db => db.Interviews.Where(i => i.Id == first || i.Id == second).Select(i => i.Candidate.Phone).ToListAsync());
        Assert.Equal(2, await portal.WithDbAsync(db => db.GatewayOutbox.CountAsync(r => r.Kind == "Admission" && phones.Contains(r.Recipient))));
        Assert.Equal(InterviewStatus.Invited, await portal.WithDbAsync(db => db.Interviews.Where(i => i.Id == first).Select(i => i.Status).FirstAsync()));
    }

    [Fact]
    public async Task Inviting_an_unverified_candidate_is_refused_and_the_job_never_admits_one()
    {
        var id = await portal.BookAsync(DateTime.UtcNow.AddMinutes(45));
        var assistant = await portal.ClientForStaffAsync("assistant1");
        var refused = await assistant.PostAsync($"/api/v1/interviews/{id}/invite", null);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);

        // Even an invitation row that bypassed the API is not admitted while the identity is unverified.
        var invitationId = await portal.WithDbAsync(async db =>
        {
            var invitation = new MeetingInvitation { InterviewId = id, RequestedBy = "test" };
            db.MeetingInvitations.Add(invitation);
            await db.SaveChangesAsync();
            return invitation.Id;
        });
        await using (var scope = portal.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<SendInvitationJob>().RunAsync(invitationId, default);

        var phone = await portal.WithDbAsync(db => db.Interviews.Where(i => i.Id == id).Select(i => i.Candidate.Phone).FirstAsync());
        Assert.Equal(0, await portal.WithDbAsync(db => db.GatewayOutbox.CountAsync(r => r.Kind == "Admission" && r.Recipient == phone)));
        var row = Assert.Single(await InvitationsAsync(assistant, id));
        Assert.Equal("Failed", row.GetProperty("status").GetString());
        Assert.Contains("Scheduled", row.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await (await portal.ClientForStaffAsync("assistant2")).GetAsync($"/api/v1/interviews/{id}/invitations")).StatusCode);
    }

    [Fact]
    public async Task After_an_interruption_a_new_invitation_admits_the_candidate_again()
    {
        var id = await VerifiedInterviewAsync(50);
        var assistant = await portal.ClientForStaffAsync("assistant1");
        Assert.Equal(HttpStatusCode.Accepted, (await assistant.PostAsync($"/api/v1/interviews/{id}/invite", null)).StatusCode);
        await NoticeTestKit.WaitUntilAsync(async () => (await InvitationsAsync(assistant, id)).All(i => i.GetProperty("status").GetString() == "Sent"), TimeSpan.FromSeconds(40), () => Describe(assistant, id));
        await portal.WithDbAsync(async db =>
        {
            (await db.Interviews.FirstAsync(i => i.Id == id)).Interrupt("network");
            await db.SaveChangesAsync();
        });
        Assert.Equal(HttpStatusCode.Accepted, (await assistant.PostAsync($"/api/v1/interviews/{id}/invite", null)).StatusCode);
        await NoticeTestKit.WaitUntilAsync(async () =>
        {
            var rows = await InvitationsAsync(assistant, id);
            return rows.Count == 2 && rows.All(i => i.GetProperty("status").GetString() == "Sent");
        }, TimeSpan.FromSeconds(40), () => Describe(assistant, id));
        var phone = await portal.WithDbAsync(db => db.Interviews.Where(i => i.Id == id).Select(i => i.Candidate.Phone).FirstAsync());
        Assert.Equal(2, await portal.WithDbAsync(db => db.GatewayOutbox.CountAsync(r => r.Kind == "Admission" && r.Recipient == phone)));
    }
}
