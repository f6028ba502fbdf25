using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InterviewPortal.Data.Interviews;
using InterviewPortal.Data.Pledges;
using InterviewPortal.IntegrationTests.Infrastructure;
using InterviewPortal.IntegrationTests.Notifications;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.IntegrationTests.Invitations;

/// <summary>
/// The pledge gate on the invitation, end to end: a verified candidate who has not confirmed the pledge in force is
/// not brought into the meeting (409 naming the pledge, no invitation row, still IdVerified); once they confirm, the
/// same call is accepted. A portal of its own: the newer pledge version it publishes is unconfirmed by everyone.
/// </summary>
public sealed class InvitationPledgeGateTests
{
    [Fact]
    public async Task An_unconfirmed_pledge_blocks_the_invitation_with_409_until_confirmed()
    {
        var portal = new SqlitePortalFactory();
        await using var _ = portal;
        portal.CreateClient().Dispose();
        var id = await portal.BookAsync(DateTime.UtcNow.AddMinutes(30));
        var candidateId = await portal.WithDbAsync(async db =>
        {
            var interview = await db.NotifyAsync(id);
            interview.SubmitIdPhoto();
            interview.VerifyId();
            await db.SaveChangesAsync();
            return interview.CandidateId;
        });
        var version = await portal.WithDbAsync(async db =>
        {
            var next = (await db.PledgeVersions.Select(v => (int?)v.Version).MaxAsync() ?? 0) + 1;
            db.PledgeVersions.Add(new PledgeVersion { Version = next, TextZh = "承诺", TextEn = "Pledge", CreatedBy = "admin" });
            await db.SaveChangesAsync();
            return next;
        });
        var assistant = await portal.ClientForStaffAsync("assistant1");

        var refused = await assistant.PostAsync($"/api/v1/interviews/{id}/invite", null);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("pledge", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.False(await portal.WithDbAsync(db => db.MeetingInvitations.AnyAsync(i => i.InterviewId == id)));
        Assert.Equal(InterviewStatus.IdVerified, await portal.WithDbAsync(db => db.Interviews.Where(i => i.Id == id).Select(i => i.Status).SingleAsync()));

        await portal.WithDbAsync(db =>
        {
            db.PledgeConfirmations.Add(new PledgeConfirmation { CandidateId = candidateId, Version = version });
            return db.SaveChangesAsync();
        });
        Assert.Equal(HttpStatusCode.Accepted, (await assistant.PostAsync($"/api/v1/interviews/{id}/invite", null)).StatusCode);
    }
}
