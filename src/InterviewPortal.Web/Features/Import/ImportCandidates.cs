using InterviewPortal.Data;
using InterviewPortal.Data.Candidates;
using InterviewPortal.Web.Features.Audit;
using InterviewPortal.Web.Features.Candidates;
using InterviewPortal.Web.Infrastructure.Database;
using InterviewPortal.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.Web.Features.Import;

public sealed record ImportError(int Row, string Column, string Message);

/// <summary>200 <c>{ created, updated, errors: [] }</c>, or the bad rows (422) and nothing written.</summary>
public sealed record ImportResult(int Created, int Updated, IReadOnlyList<ImportError> Errors)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public bool Succeeded => Errors.Count == 0;

    /// <summary>For the import page's table, not the API: the first rows of the file (masked) and how many data rows it has.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<ImportPreviewRow> Rows { get; init; } = [];

    [System.Text.Json.Serialization.JsonIgnore]
    public int RowCount { get; init; }
}

/// <summary>
/// Imports candidates from a read table: every row is checked first (format, the caller's majors, duplicates in the
/// file and against every college), and only a clean file is written, in one transaction. A dry run stops before writing.
/// </summary>
public sealed class ImportCandidatesHandler(PortalDbContext db)
{
    private const int LookupChunk = 500;

    public async Task<ImportResult> HandleAsync(ImportTable table, bool dryRun, CancellationToken ct)
    {
        var errors = new List<ImportError>();
        var columns = ImportColumns.Map(table.Headers, errors);
        if (errors.Count > 0)
            return new ImportResult(0, 0, errors);
        var rows = table.Rows.Where(r => r.HasValues).ToList();
        if (rows.Count == 0)
            return new ImportResult(0, 0, [new ImportError(2, columns.Header(ImportField.ExamNumber), Texts.Get("Import.TheFileHasNoCandidateRows"))]);

        var covered = await db.Scope.CoveredMajors(db.Majors.AsNoTracking()).Select(m => new { m.Code, m.Id, m.CollegeId, m.Name }).ToListAsync(ct);
        var majors = covered.ToDictionary(m => m.Code, m => (m.Id, m.CollegeId));
        var preview = new ImportResult(0, 0, []) { Rows = ImportPreview.Rows(rows, columns, covered.ToDictionary(m => m.Code, m => m.Name)), RowCount = rows.Count };
        var parsed = new List<ImportedCandidate>(rows.Count);
        var check = new RowChecks(columns, errors);
        foreach (var row in rows)
            if (check.Row(row, majors) is { } candidate)
                parsed.Add(candidate);

        var existing = await ExistingAsync(parsed, ct);
        foreach (var row in parsed)
            check.AgainstExisting(row, existing, db.Scope.AllColleges ? null : db.Scope.CollegeId);
        if (errors.Count > 0)
            return preview with { Errors = [.. errors.OrderBy(e => e.Row)] };

        var updates = parsed.Where(p => existing.ByExam.ContainsKey(p.ExamNumber)).ToList();
        var created = parsed.Count - updates.Count;
        if (!dryRun)
            await WriteAsync(parsed, updates, existing, created, ct);
        return preview with { Created = created, Updated = updates.Count };
    }

    private async Task WriteAsync(List<ImportedCandidate> parsed, List<ImportedCandidate> updates, ExistingCandidates existing, int created, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var updateIds = updates.Select(u => existing.ByExam[u.ExamNumber].Id).ToList();
        var tracked = new Dictionary<string, Candidate>();
        foreach (var chunk in updateIds.Chunk(LookupChunk))
            foreach (var c in await db.Candidates.Where(c => chunk.Contains(c.Id)).ToListAsync(ct))
                tracked[c.ExamNumber] = c;

        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var added = new List<Candidate>(created);
        foreach (var row in parsed)
        {
            if (tracked.TryGetValue(row.ExamNumber, out var candidate))
            {
                (candidate.Name, candidate.IdNumber) = (row.Name, row.IdNumber);
                candidate.ChangePhone(row.Phone);
                (candidate.MajorId, candidate.CollegeId, candidate.Version) = (row.MajorId, row.CollegeId, Guid.NewGuid());
            }
            else
            {
                added.Add(new Candidate
                {
                    ExamNumber = row.ExamNumber, Name = row.Name, IdNumber = row.IdNumber, Phone = row.Phone,
                    MajorId = row.MajorId, CollegeId = row.CollegeId,
                });
            }
        }
        // New candidates in multi-row INSERTs (one SaveChanges INSERT per row was most of a 10,000-row import);
        // the updates, with their concurrency tokens, and the audit entry go through SaveChanges in the same transaction.
        await db.InsertRowsAsync(added, ct);
        db.Record("candidates.imported", nameof(Candidate), null, $"created {created}, updated {updates.Count}");
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    // Looked up across every college (uniqueness is university-wide): one query per chunk of rows for all three numbers,
    // the chunk small enough that no database meets its parameter limit (3 × 500 under SQL Server's 2,100).
    private async Task<ExistingCandidates> ExistingAsync(List<ImportedCandidate> rows, CancellationToken ct)
    {
        var found = new Dictionary<int, ExistingCandidate>();
        foreach (var chunk in rows.Chunk(LookupChunk))
        {
            var (exams, phones, ids) = (chunk.Select(r => r.ExamNumber).ToArray(), chunk.Select(r => r.Phone).ToArray(), chunk.Select(r => r.IdNumber).ToArray());
            var matches = await db.Candidates.IgnoreQueryFilters().AsNoTracking()
                .Where(c => exams.Contains(c.ExamNumber) || phones.Contains(c.Phone) || ids.Contains(c.IdNumber))
                .Select(c => new ExistingCandidate(c.Id, c.ExamNumber, c.IdNumber, c.Phone, c.CollegeId)).ToListAsync(ct);
            foreach (var c in matches)
                found[c.Id] = c;
        }
        return new ExistingCandidates(
            found.Values.ToDictionary(c => c.ExamNumber), found.Values.ToDictionary(c => c.Phone), found.Values.ToDictionary(c => c.IdNumber));
    }
}

public sealed record ImportedCandidate(int Row, string ExamNumber, string Name, string IdNumber, string Phone, int MajorId, int CollegeId);

public sealed record ExistingCandidate(int Id, string ExamNumber, string IdNumber, string Phone, int CollegeId);

public sealed record ExistingCandidates(
    Dictionary<string, ExistingCandidate> ByExam, Dictionary<string, ExistingCandidate> ByPhone, Dictionary<string, ExistingCandidate> ById);
