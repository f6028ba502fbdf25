using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InterviewPortal.Data.Interviews;
using InterviewPortal.Data.Pledges;
using InterviewPortal.Data.Verifications;
using InterviewPortal.IntegrationTests.ExamDay;
using InterviewPortal.IntegrationTests.Infrastructure;
using InterviewPortal.Web.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace InterviewPortal.IntegrationTests.Verifications;

public class IdPhotoUploadTests(SqlitePortalFactory portal) : IClassFixture<SqlitePortalFactory>
{
    // Cases by name: the bytes are built inside the test, so discovery never serializes megabytes of data.
    private static (byte[] Bytes, string Name, string Type, int Status) BadFile(string what) => what switch
    {
        "text posing as a JPEG" => (TestPhotos.TextPosingAsImage(), "photo.jpg", "image/jpeg", 415),
        "an empty file" => ([], "photo.jpg", "image/jpeg", 400),
        "an SVG" => (TestPhotos.Svg(), "photo.svg", "image/svg+xml", 415),
        "a PNG declaring 60000x60000 pixels" => (TestPhotos.PngBomb(), "photo.png", "image/png", 400),
        "a file over 8 MB" => (TestPhotos.OverEightMegabytes(), "photo.jpg", "image/jpeg", 413),
        _ => throw new ArgumentOutOfRangeException(nameof(what)),
    };

    [Theory]
    [InlineData("text posing as a JPEG")]
    [InlineData("an empty file")]
    [InlineData("an SVG")]
    [InlineData("a PNG declaring 60000x60000 pixels")]
    [InlineData("a file over 8 MB")]
    public async Task A_bad_file_is_a_clear_4xx_problem_and_nothing_is_stored(string what)
    {
        var interviewId = await UntouchedNotifiedInterviewAsync();
        var (bytes, name, type, status) = BadFile(what);
        var filesBefore = portal.StoredFileCount();
        var client = await portal.ClientForStaffAsync("assistant1");

        var response = await client.UploadPhotoAsync(interviewId, bytes, name, type);

        Assert.True(status == (int)response.StatusCode, $"{what}: expected {status}, got {(int)response.StatusCode}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(string.IsNullOrWhiteSpace(problem.TryGetProperty("detail", out var d) ? d.GetString() : problem.GetProperty("errors").GetRawText()));
        Assert.Equal(filesBefore, portal.StoredFileCount());
        Assert.Equal(0, await portal.WithDbAsync(db => db.IdVerifications.CountAsync(v => v.InterviewId == interviewId)));
        Assert.Equal(InterviewStatus.Notified, await portal.WithDbAsync(db => db.Interviews.Where(i => i.Id == interviewId).Select(i => i.Status).FirstAsync()));
    }

    [Fact]
    public async Task A_request_body_far_over_the_limit_is_refused_with_413_before_it_is_read()
    {
        var interviewId = await UntouchedNotifiedInterviewAsync();
        var client = await portal.ClientForStaffAsync("assistant1");
        var response = await client.UploadPhotoAsync(interviewId, new byte[9 * 1024 * 1024]);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_stored_photo_is_a_fresh_upright_jpeg_without_exif_gps_or_comments_and_is_unreadable_on_disk()
    {
        var interview = await portal.NotifiedInterviewAsync();
        var original = TestPhotos.JpegWithExifAndGps();
        Assert.True(TestPhotos.Contains(original, "Exif") && TestPhotos.Contains(original, TestPhotos.SecretMarker));
        var client = await portal.ClientForStaffAsync("assistant1");

        var response = await client.UploadPhotoAsync(interview.Id, original);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("IdSubmitted", body.GetProperty("status").GetString());
        var row = await portal.WithDbAsync(db => db.IdVerifications.SingleAsync(v => v.InterviewId == interview.Id));
        Assert.Equal(body.GetProperty("verificationId").GetInt32(), row.Id);
        Assert.Equal(VerificationStatus.Pending, row.Status);

        var store = portal.Services.GetRequiredService<ProtectedFileStore>();
        var stored = (await store.ReadAsync(row.PhotoKey!, CancellationToken.None))!;
        Assert.False(TestPhotos.Contains(stored, "Exif"));
        Assert.False(TestPhotos.Contains(stored, TestPhotos.SecretMarker));
        using (var codec = SKCodec.Create(new SKMemoryStream(stored)))
        {
            Assert.Equal(SKEncodedImageFormat.Jpeg, codec.EncodedFormat);
            // EXIF orientation 6 was applied: the 200×100 landscape shot is stored upright as 100×200.
            Assert.Equal((100, 200), (codec.Info.Width, codec.Info.Height));
        }

        var onDisk = await File.ReadAllBytesAsync(store.PathOf(row.PhotoKey!));
        Assert.False(onDisk[0] == 0xFF && onDisk[1] == 0xD8, "the file on disk starts like a JPEG");
        Assert.Null(SKCodec.Create(new SKMemoryStream(onDisk)));
        Assert.False(onDisk.AsSpan().IndexOf(stored.AsSpan(0, 64)) >= 0, "the plain JPEG header is on disk");
        Assert.StartsWith(Path.Combine(portal.Database.Folder, "protected"), store.PathOf(row.PhotoKey!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_png_is_accepted_and_stored_as_jpeg_and_a_second_upload_supersedes_the_pending_one()
    {
        var interview = await portal.NotifiedInterviewAsync();
        var client = await portal.ClientForStaffAsync("assistant1");
        Assert.Equal(HttpStatusCode.Accepted, (await client.UploadPhotoAsync(interview.Id, TestPhotos.Png(), "id.png", "image/png")).StatusCode);
        // Declared type and name do not matter: a JPEG sent as "image/png" named .png is judged by its bytes.
        Assert.Equal(HttpStatusCode.Accepted, (await client.UploadPhotoAsync(interview.Id, TestPhotos.Jpeg(), "id.png", "image/png")).StatusCode);

        var rows = await portal.WithDbAsync(db => db.IdVerifications.Where(v => v.InterviewId == interview.Id).OrderBy(v => v.Id).ToListAsync());
        Assert.Equal([VerificationStatus.Superseded, VerificationStatus.Pending], rows.Select(r => r.Status));
        var audits = await portal.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "id-photo.submitted" && a.Actor == "assistant1"
            && (a.EntityId == rows[0].Id.ToString() || a.EntityId == rows[1].Id.ToString())));
        Assert.Equal(2, audits);
    }

    [Fact]
    public async Task A_candidate_uploads_for_their_own_interview_only_and_never_before_the_notice()
    {
        var interview = await portal.NotifiedInterviewAsync("assistant2");
        var own = portal.ClientForCandidate(interview.CandidateId);
        var response = await own.UploadPhotoAsync(interview.Id, TestPhotos.Jpeg());
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal($"candidate:{interview.CandidateId}", await portal.WithDbAsync(db =>
            db.IdVerifications.Where(v => v.InterviewId == interview.Id).Select(v => v.SubmittedBy).SingleAsync()));

        var stranger = await portal.NotifiedInterviewAsync("assistant2");
        Assert.Equal(HttpStatusCode.NotFound, (await own.UploadPhotoAsync(stranger.Id, TestPhotos.Jpeg())).StatusCode);

        var notYetNotified = await portal.WithDbAsync(db => db.Interviews
            .Where(i => i.Status == InterviewStatus.Scheduled && i.ExamRoom.Assistant!.UserName == "assistant2").FirstAsync());
        var early = await portal.ClientForCandidate(notYetNotified.CandidateId).UploadPhotoAsync(notYetNotified.Id, TestPhotos.Jpeg());
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains("Scheduled", (await early.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task An_unconfirmed_pledge_blocks_the_upload_with_409_until_confirmed()
    {
        var factory = new SqlitePortalFactory();
        await using var _ = factory;
        factory.CreateClient().Dispose();
        var interview = await factory.NotifiedInterviewAsync();
        // The demo seeder already publishes a version most candidates confirmed: a newer one is unconfirmed by all.
        var version = await factory.WithDbAsync(async db =>
        {
            var next = (await db.PledgeVersions.Select(v => (int?)v.Version).MaxAsync() ?? 0) + 1;
            db.PledgeVersions.Add(new PledgeVersion { Version = next, TextZh = "承诺", TextEn = "Pledge", CreatedBy = "admin" });
            await db.SaveChangesAsync();
            return next;
        });
        var client = await factory.ClientForStaffAsync("assistant1");

        var refused = await client.UploadPhotoAsync(interview.Id, TestPhotos.Jpeg());
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("pledge", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());

        await factory.WithDbAsync(db =>
        {
            db.PledgeConfirmations.Add(new PledgeConfirmation { CandidateId = interview.CandidateId, Version = version });
            return db.SaveChangesAsync();
        });
        Assert.Equal(HttpStatusCode.Accepted, (await client.UploadPhotoAsync(interview.Id, TestPhotos.Jpeg())).StatusCode);
    }

    [Fact]
    public async Task Uploading_without_a_photo_field_is_a_400_naming_the_field()
    {
        var interviewId = await UntouchedNotifiedInterviewAsync();
        var client = await portal.ClientForStaffAsync("assistant1");
        using var content = new MultipartFormDataContent { { new StringContent("x"), "note" } };
        var response = await client.PutAsync($"/api/v1/interviews/{interviewId}/id-photo", content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("photo", out _));
    }

    private async Task<int> UntouchedNotifiedInterviewAsync()
    {
        var existing = await portal.WithDbAsync(db => db.Interviews
            .Where(i => i.Status == InterviewStatus.Notified && i.ExamRoom.Assistant!.UserName == "assistant1"
                && !db.IdVerifications.Any(v => v.InterviewId == i.Id))
            .Select(i => (int?)i.Id).FirstOrDefaultAsync());
        return existing ?? (await portal.NotifiedInterviewAsync()).Id;
    }
}
