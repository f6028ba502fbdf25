using System.Net.Http.Headers;
using System.Security.Claims;
using InterviewPortal.Data.Interviews;
using InterviewPortal.IntegrationTests.Infrastructure;
using InterviewPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace InterviewPortal.IntegrationTests.ExamDay;

/// <summary>Arranging exam-day states: the T-20 job and the invitation job are other features', so tests move the entity.</summary>
public static class ExamDayData
{
    /// <summary>The room an assistant staffs.</summary>
    public static Task<int> RoomOfAsync(this PortalFactory portal, string assistant) => portal.WithDbAsync(db =>
        db.ExamRooms.Where(r => r.Assistant!.UserName == assistant).Select(r => r.Id).FirstAsync());

    /// <summary>Takes the next still-Scheduled interview of the assistant's room and marks it notified.</summary>
    public static Task<Interview> NotifiedInterviewAsync(this PortalFactory portal, string assistant = "assistant1") => portal.WithDbAsync(async db =>
    {
        var room = await db.ExamRooms.Where(r => r.Assistant!.UserName == assistant).Select(r => r.Id).FirstAsync();
        var interview = await db.Interviews.Include(i => i.Candidate)
            .Where(i => i.ExamRoomId == room && i.Status == InterviewStatus.Scheduled).OrderBy(i => i.StartsAt).FirstAsync();
        return await db.NotifyAsync(interview.Id);
    });

    /// <summary>Marks one interview notified the way the notice sender does.</summary>
    public static Task NotifyAsync(this PortalFactory portal, int interviewId) => portal.WithDbAsync(db => db.NotifyAsync(interviewId));

    public static Task MoveAsync(this PortalFactory portal, int interviewId, Action<Interview> move) => portal.WithDbAsync(async db =>
    {
        var interview = await db.Interviews.FirstAsync(i => i.Id == interviewId);
        move(interview);
        await db.SaveChangesAsync();
    });

    public static async Task<HttpResponseMessage> UploadPhotoAsync(this HttpClient client, int interviewId, byte[] bytes,
        string fileName = "photo.jpg", string contentType = "image/jpeg")
    {
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        content.Add(file, "photo", fileName);
        return await client.PutAsync($"/api/v1/interviews/{interviewId}/id-photo", content);
    }

    /// <summary>Files in the protected store of this test host.</summary>
    public static int StoredFileCount(this PortalFactory portal)
    {
        var folder = Path.Combine(portal.Database.Folder, "protected");
        return Directory.Exists(folder) ? Directory.GetFiles(folder).Length : 0;
    }

    /// <summary>
    /// A client signed in as a candidate. Candidate phone sign-in is another feature's; the token is minted the
    /// way the bearer scheme protects its own, with the claims candidate sign-in puts on the principal.
    /// </summary>
    public static HttpClient ClientForCandidate(this PortalFactory portal, int candidateId)
    {
        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.Name, $"candidate:{candidateId}"),
            new Claim(ClaimTypes.Role, CandidateRole.Name),
            new Claim(PortalClaims.CandidateId, candidateId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ], AuthSchemes.Bearer, ClaimTypes.Name, ClaimTypes.Role);
        var options = portal.Services.GetRequiredService<IOptionsMonitor<BearerTokenOptions>>().Get(AuthSchemes.Bearer);
        var properties = new AuthenticationProperties { ExpiresUtc = DateTimeOffset.UtcNow.AddHours(1) };
        var token = options.BearerTokenProtector.Protect(new AuthenticationTicket(new ClaimsPrincipal(identity), properties, AuthSchemes.Bearer));
        var client = portal.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
