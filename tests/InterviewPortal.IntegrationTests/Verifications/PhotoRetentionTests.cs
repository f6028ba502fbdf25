using InterviewPortal.Data.Interviews;
using InterviewPortal.Data.Verifications;
using InterviewPortal.IntegrationTests.Infrastructure;
using InterviewPortal.Web.Features.Verifications;
using InterviewPortal.Web.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewPortal.IntegrationTests.Verifications;

public class PhotoRetentionTests(SqlitePortalFactory portal) : IClassFixture<SqlitePortalFactory>
{
    [Fact]
    public async Task Retention_deletes_photos_thirty_days_after_the_interview_ended_and_nothing_else()
    {
        portal.CreateClient().Dispose();
        var store = portal.Services.GetRequiredService<ProtectedFileStore>();
        var now = DateTime.UtcNow;
        // Planned end 40 days ago: due. Planned end 20 days ago: not due. Planned end 40 days ago but
        // finished (marked absent) 5 days ago: FinishedAt counts, not due.
        var due = await PhotoForInterviewAsync(store, now.AddDays(-40), finishedAt: null);
        var recent = await PhotoForInterviewAsync(store, now.AddDays(-20), finishedAt: null);
        var finishedLately = await PhotoForInterviewAsync(store, now.AddDays(-40), finishedAt: now.AddDays(-5));

        await using (var scope = portal.Services.CreateAsyncScope())
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<PhotoRetentionJob>().RunAsync(CancellationToken.None));

        var rows = await portal.WithDbAsync(db => db.IdVerifications.Where(v => v.Id == due.Id || v.Id == recent.Id || v.Id == finishedLately.Id)
            .ToDictionaryAsync(v => v.Id));
        Assert.Null(rows[due.Id].PhotoKey);
        Assert.NotNull(rows[due.Id].PhotoDeletedAt);
        Assert.False(File.Exists(store.PathOf(due.Key)));
        foreach (var kept in new[] { recent, finishedLately })
        {
            Assert.Equal(kept.Key, rows[kept.Id].PhotoKey);
            Assert.Null(rows[kept.Id].PhotoDeletedAt);
            Assert.True(File.Exists(store.PathOf(kept.Key)));
        }
        var audits = await portal.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == "id-photo.deleted").Select(a => new { a.EntityId, a.Actor }).ToListAsync());
        Assert.Equal([(due.Id.ToString(), "system")], audits.Select(a => (a.EntityId, a.Actor)));

        // A second run finds nothing due and writes nothing.
        await using (var scope = portal.Services.CreateAsyncScope())
            Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<PhotoRetentionJob>().RunAsync(CancellationToken.None));
        Assert.Equal(1, await portal.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "id-photo.deleted")));
    }

    private sealed record StoredPhoto(int Id, string Key);

    private Task<StoredPhoto> PhotoForInterviewAsync(ProtectedFileStore store, DateTime startsAt, DateTime? finishedAt) => portal.WithDbAsync(async db =>
    {
        var room = await db.ExamRooms.FirstAsync();
        var candidate = await db.Candidates.Where(c => c.CollegeId == room.CollegeId && !c.Interviews.Any()).OrderBy(c => c.Id).FirstAsync();
        var interview = Interview.Book(candidate, room, startsAt, 20, InterviewKind.Exam);
        if (finishedAt is { } at)
            interview.MarkAbsent(at);
        db.Interviews.Add(interview);
        await db.SaveChangesAsync();
        var key = await store.SaveAsync(TestPhotos.Jpeg(), CancellationToken.None);
        var verification = new IdVerification { InterviewId = interview.Id, CandidateId = candidate.Id, PhotoKey = key, SubmittedBy = "test", SubmittedAt = startsAt.AddMinutes(-15) };
        db.IdVerifications.Add(verification);
        await db.SaveChangesAsync();
        return new StoredPhoto(verification.Id, key);
    });
}
