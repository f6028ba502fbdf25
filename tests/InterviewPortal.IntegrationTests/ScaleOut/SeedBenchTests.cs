using InterviewPortal.IntegrationTests.Infrastructure;
using InterviewPortal.Web.Infrastructure.Auth;
using InterviewPortal.Web.Infrastructure.Database;
using InterviewPortal.Web.Infrastructure.ScaleOut;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace InterviewPortal.IntegrationTests.ScaleOut;

public sealed class SeedBenchTests : IDisposable
{
    private readonly PortalFactory portal = new(DatabaseProvider.Sqlite, demo: false);

    [Fact]
    public async Task Seed_bench_books_every_candidate_once_without_overlaps_and_mints_candidate_tokens()
    {
        var tokens = Path.Combine(portal.Database.Folder, "tokens.txt");
        string[] args = ["seed-bench", "--candidates", "450", "--tokens", "3", "--tokens-out", tokens];

        Assert.Equal(0, await SeedBenchCommand.RunAsync(portal.Services, args));
        Assert.Equal(0, await SeedBenchCommand.RunAsync(portal.Services, args)); // second run: tokens only

        await portal.WithDbAsync(async db =>
        {
            var college = await db.Colleges.SingleAsync(c => c.Code == SeedBenchCommand.CollegeCode);
            Assert.Equal(450, await db.Candidates.CountAsync(c => c.CollegeId == college.Id));
            var interviews = await db.Interviews.Where(i => i.CollegeId == college.Id).ToListAsync();
            Assert.Equal(450, interviews.Select(i => i.CandidateId).Distinct().Count());
            Assert.DoesNotContain(interviews, a => interviews.Any(b => b.Id != a.Id && b.ExamRoomId == a.ExamRoomId && b.StartsAt < a.EndsAt && a.StartsAt < b.EndsAt));
        });
        var lines = await File.ReadAllLinesAsync(tokens);
        Assert.Equal(3, lines.Length);
        var protector = portal.Services.GetRequiredService<IOptionsMonitor<BearerTokenOptions>>().Get(AuthSchemes.Bearer).BearerTokenProtector;
        var ticket = protector.Unprotect(lines[0]);
        Assert.NotNull(ticket);
        Assert.True(ticket.Principal.IsInRole("Candidate"));
        Assert.NotNull(ticket.Principal.FindFirst(PortalClaims.CandidateId));
    }

    public void Dispose() => portal.Dispose();
}
