using InterviewPortal.Data;
using InterviewPortal.Data.Access;
using InterviewPortal.Data.Interviews;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.UnitTests.Support;

/// <summary>
/// The portal's model on an in-memory SQLite database, for the few rules that are one SQL statement (the notice's
/// Scheduled → Notified UPDATE) or one read (the settings row). Foreign keys are off so a test stores a lone row.
/// </summary>
public sealed class InMemoryPortalDb : IDisposable
{
    private readonly SqliteConnection connection = new("Data Source=:memory:;Foreign Keys=False");
    private readonly DbContextOptions<PortalDbContext> options;
    private int nextId;

    public InMemoryPortalDb()
    {
        connection.Open();
        options = new DbContextOptionsBuilder<PortalDbContext>().UseSqlite(connection).Options;
        using var db = Open();
        db.Database.EnsureCreated();
    }

    public PortalDbContext Open() => new PortalDbContext(options).WithScope(AccessScope.System);

    /// <summary>
    /// Stores the interview as a new row (its own id and candidate id, no navigations), runs the notice sender's
    /// <see cref="InterviewNotices.MarkNotifiedAsync"/> on it and returns the row as read back.
    /// </summary>
    public async Task<(Interview Row, int Moved)> MarkNotifiedAsync(Interview interview, DateTime atUtc)
    {
        await using var db = Open();
        interview.Id = interview.CandidateId = Interlocked.Increment(ref nextId);
        (interview.Candidate, interview.ExamRoom) = (null!, null!);
        db.Interviews.Add(interview);
        await db.SaveChangesAsync();
        var moved = await db.Interviews.IgnoreQueryFilters().Where(i => i.Id == interview.Id).MarkNotifiedAsync(atUtc, CancellationToken.None);
        return (await db.Interviews.IgnoreQueryFilters().AsNoTracking().SingleAsync(i => i.Id == interview.Id), moved);
    }

    public void Dispose() => connection.Dispose();
}
