using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InterviewPortal.Data.Requests;
using InterviewPortal.Data.Verifications;
using InterviewPortal.IntegrationTests.ExamDay;
using InterviewPortal.IntegrationTests.Infrastructure;
using InterviewPortal.Web.Features.Verifications;
using InterviewPortal.Web.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace InterviewPortal.IntegrationTests.Verifications;

/// <summary>What ID photos leave on disk: a retake replaces the earlier file, and one interview keeps a bounded number.</summary>
public abstract class IdPhotoStorageTests(PortalFactory portal)
{
    [Fact]
    public async Task A_retake_deletes_the_superseded_photos_file_and_keeps_the_new_one()
    {
        var interview = await portal.NotifiedInterviewAsync();
        var client = await portal.ClientForStaffAsync("assistant1");
        Assert.Equal(HttpStatusCode.Accepted, (await client.UploadPhotoAsync(interview.Id, TestPhotos.Jpeg())).StatusCode);
        var first = await portal.WithDbAsync(db => db.IdVerifications.AsNoTracking().SingleAsync(v => v.InterviewId == interview.Id));
        var store = portal.Services.GetRequiredService<ProtectedFileStore>();
        Assert.True(File.Exists(store.PathOf(first.PhotoKey!)));

        Assert.Equal(HttpStatusCode.Accepted, (await client.UploadPhotoAsync(interview.Id, TestPhotos.Png(), "id.png", "image/png")).StatusCode);

        var rows = await portal.WithDbAsync(db => db.IdVerifications.AsNoTracking().Where(v => v.InterviewId == interview.Id).OrderBy(v => v.Id).ToListAsync());
        Assert.Equal([VerificationStatus.Superseded, VerificationStatus.Pending], rows.Select(r => r.Status));
        Assert.False(File.Exists(store.PathOf(first.PhotoKey!)));
        Assert.Null(rows[0].PhotoKey);
        Assert.NotNull(rows[0].PhotoDeletedAt);
        Assert.True(File.Exists(store.PathOf(rows[1].PhotoKey!)));
        Assert.True(await portal.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "id-photo.deleted" && a.EntityId == first.Id.ToString()
            && a.Detail!.Contains("superseded"))));
    }

    [Fact]
    public async Task Uploads_past_the_per_interview_limit_are_429_and_store_nothing()
    {
        var interview = await portal.NotifiedInterviewAsync();
        var client = await portal.ClientForStaffAsync("assistant1");
        var limit = portal.Services.GetRequiredService<IOptions<UploadLimits>>().Value.IdPhotosPerInterview;
        for (var i = 0; i < limit; i++)
            Assert.Equal(HttpStatusCode.Accepted, (await client.UploadPhotoAsync(interview.Id, TestPhotos.Jpeg(80, 80))).StatusCode);
        var files = portal.StoredFileCount();

        var refused = await client.UploadPhotoAsync(interview.Id, TestPhotos.Jpeg(80, 80));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.False(string.IsNullOrWhiteSpace((await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()));
        Assert.Equal(files, portal.StoredFileCount());
        Assert.Equal(limit, await portal.WithDbAsync(db => db.IdVerifications.CountAsync(v => v.InterviewId == interview.Id)));
        // Only the pending photo is still on disk: each retake deleted the one before.
        Assert.Equal(1, await portal.WithDbAsync(db => db.IdVerifications.CountAsync(v => v.InterviewId == interview.Id && v.PhotoKey != null)));
    }

    [Fact]
    public async Task Retention_finishes_deletions_that_failed_superseded_photos_and_decided_phone_change_scans()
    {
        var interview = await portal.NotifiedInterviewAsync();
        var store = portal.Services.GetRequiredService<ProtectedFileStore>();
        var keys = new List<string>();
        for (var i = 0; i < 3; i++)
            keys.Add(await store.SaveAsync(TestPhotos.Jpeg(), CancellationToken.None));
        // As a deletion that failed leaves them: the decision is saved, the files and their keys are still there.
        var (verificationId, requestId) = await portal.WithDbAsync(async db =>
        {
            var superseded = new IdVerification
            {
                InterviewId = interview.Id, CandidateId = interview.CandidateId, PhotoKey = keys[0], SubmittedBy = "test",
                SubmittedAt = DateTime.UtcNow, Status = VerificationStatus.Superseded,
            };
            var decided = new PhoneChangeRequest
            {
                CandidateId = interview.CandidateId, CollegeId = interview.CollegeId, NewPhone = "16700000001", Reason = "旧号停用",
                IdCardImageKey = keys[1], AdmissionTicketImageKey = keys[2], Status = RequestStatus.Refused, DecisionReason = "不清晰",
            };
            db.IdVerifications.Add(superseded);
            db.PhoneChangeRequests.Add(decided);
            await db.SaveChangesAsync();
            return (superseded.Id, decided.Id);
        });

        await using (var scope = portal.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<PhotoRetentionJob>().RunAsync(CancellationToken.None);

        Assert.All(keys, k => Assert.False(File.Exists(store.PathOf(k))));
        Assert.Null(await portal.WithDbAsync(db => db.IdVerifications.Where(v => v.Id == verificationId).Select(v => v.PhotoKey).SingleAsync()));
        var request = await portal.WithDbAsync(db => db.PhoneChangeRequests.AsNoTracking().SingleAsync(r => r.Id == requestId));
        Assert.Equal((null, null, RequestStatus.Refused), (request.IdCardImageKey, request.AdmissionTicketImageKey, request.Status));
    }
}

public sealed class IdPhotoStorageSqliteTests(SqlitePortalFactory portal) : IdPhotoStorageTests(portal), IClassFixture<SqlitePortalFactory>;

public sealed class IdPhotoStoragePostgresTests(PostgresPortalFactory portal) : IdPhotoStorageTests(portal), IClassFixture<PostgresPortalFactory>;
