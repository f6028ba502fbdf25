using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using InterviewPortal.Data;
using InterviewPortal.Data.Candidates;
using InterviewPortal.Data.Colleges;
using InterviewPortal.Data.Interviews;
using InterviewPortal.Data.Requests;
using InterviewPortal.Data.Rooms;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace InterviewPortal.Web.Features.Me;

/// <summary>
/// The one statement behind a candidate's record at first visit: the candidate by key, their college and major, and
/// their interviews by the candidate index (a row each, or one row of nulls), optionally with the count of their
/// assignment reports. It is run as a command kept on the context's connection, not through EF: EF makes a new
/// command per execution, so Microsoft.Data.Sqlite prepared the statement again on every request, and EF built the
/// compiled query's shaper delegate again on every execution; the two were most of the statement's cost. A pooled
/// context keeps its connection (on SQLite held open, <c>HeldOpenSqliteConnection</c>), so the command and its prepared
/// statement live as long as the connection stays open; PostgreSQL prepares it server-side (Max Auto Prepare).
/// Table and column names come from the model, quoted by the provider, so the text is right on every provider.
/// </summary>
public sealed class MyRecordStatement
{
    private static readonly ConditionalWeakTable<IModel, MyRecordStatement> PerModel = new();

    // A command per connection and variant; a connection serves one context, so one request, at a time. On SQLite the
    // commands are forgotten when the connection closes (it disposes their prepared statements then); on the other
    // providers a command outlives the close and reopen of its pooled connection.
    private readonly ConditionalWeakTable<DbConnection, DbCommand?[]> _commands = new();
    private readonly string[] _sql;

    private MyRecordStatement(IModel model, ISqlGenerationHelper sql)
    {
        string Table<T>() => Name<T>(null);
        string Column<T>(string property) => Name<T>(property);
        string Name<T>(string? property)
        {
            var entity = model.FindEntityType(typeof(T))!;
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            return property is null
                ? sql.DelimitIdentifier(table.Name, table.Schema)
                : sql.DelimitIdentifier(entity.FindProperty(property)!.GetColumnName(table)!);
        }

        string Text(bool countReports) =>
            $"SELECT c.{Column<Candidate>(nameof(Candidate.ExamNumber))}, c.{Column<Candidate>(nameof(Candidate.Name))}, " +
            $"co.{Column<College>(nameof(College.Name))}, m.{Column<Major>(nameof(Major.Name))}, m.{Column<Major>(nameof(Major.Code))}, " +
            $"i.{Column<Interview>(nameof(Interview.Id))}, i.{Column<Interview>(nameof(Interview.StartsAt))}, i.{Column<Interview>(nameof(Interview.EndsAt))}, " +
            $"i.{Column<Interview>(nameof(Interview.DurationMinutes))}, i.{Column<Interview>(nameof(Interview.Status))}, i.{Column<Interview>(nameof(Interview.Kind))}, " +
            $"i.{Column<Interview>(nameof(Interview.StatusNote))}, r.{Column<ExamRoom>(nameof(ExamRoom.Name))}, r.{Column<ExamRoom>(nameof(ExamRoom.RecordSessions))}, " +
            $"i.{Column<Interview>(nameof(Interview.ExamRoomId))}" +
            (countReports
                ? $", (SELECT COUNT(*) FROM {Table<AssignmentReport>()} a WHERE a.{Column<AssignmentReport>(nameof(AssignmentReport.CandidateId))} = c.{Column<Candidate>(nameof(Candidate.Id))})"
                : "") +
            $" FROM {Table<Candidate>()} c" +
            $" INNER JOIN {Table<College>()} co ON co.{Column<College>(nameof(College.Id))} = c.{Column<Candidate>(nameof(Candidate.CollegeId))}" +
            $" INNER JOIN {Table<Major>()} m ON m.{Column<Major>(nameof(Major.Id))} = c.{Column<Candidate>(nameof(Candidate.MajorId))}" +
            $" LEFT JOIN {Table<Interview>()} i ON i.{Column<Interview>(nameof(Interview.CandidateId))} = c.{Column<Candidate>(nameof(Candidate.Id))}" +
            $" LEFT JOIN {Table<ExamRoom>()} r ON r.{Column<ExamRoom>(nameof(ExamRoom.Id))} = i.{Column<Interview>(nameof(Interview.ExamRoomId))}" +
            $" WHERE c.{Column<Candidate>(nameof(Candidate.Id))} = @candidate";

        _sql = [Text(countReports: false), Text(countReports: true)];
    }

    public static MyRecordStatement For(PortalDbContext db) =>
        PerModel.GetValue(db.Model, model => new MyRecordStatement(model, db.GetService<ISqlGenerationHelper>()));

    /// <summary>The candidate's rows (none if there is no such candidate).</summary>
    public async Task<List<MyRecordRow>> ReadAsync(PortalDbContext db, int candidateId, bool countReports, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var command = CommandOn(db.Database.GetDbConnection(), countReports);
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            command.Parameters[0].Value = candidateId;
            var rows = new List<MyRecordRow>(2);
            await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SingleResult, ct);
            while (await reader.ReadAsync(ct))
                rows.Add(MyRecordRow.From(reader, countReports));
            return rows;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private DbCommand CommandOn(DbConnection connection, bool countReports)
    {
        var commands = _commands.GetValue(connection, open =>
        {
            var kept = new DbCommand?[2];
            if (open is SqliteConnection)
                open.StateChange += (_, change) =>
                {
                    if (change.CurrentState != ConnectionState.Open)
                        Array.Clear(kept);
                };
            return kept;
        });
        var variant = countReports ? 1 : 0;
        if (commands[variant] is { } kept)
            return kept;
        var command = connection.CreateCommand();
        command.CommandText = _sql[variant];
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@candidate";
        parameter.DbType = DbType.Int32;
        command.Parameters.Add(parameter);
        return commands[variant] = command;
    }
}

/// <summary>A row of <see cref="MyRecordStatement"/>: the candidate, and one interview or nulls.</summary>
public sealed record MyRecordRow(
    string ExamNumber, string Name, string College, string Major, string MajorCode,
    int? Id, DateTime? StartsAt, DateTime? EndsAt, int? DurationMinutes, InterviewStatus? Status, InterviewKind? Kind,
    string? StatusNote, string? Room, bool? Recorded, int AssignmentReports, int? RoomId)
{
    internal static MyRecordRow From(DbDataReader r, bool countReports) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4),
        r.IsDBNull(5) ? null : r.GetInt32(5),
        r.IsDBNull(6) ? null : r.GetDateTime(6),
        r.IsDBNull(7) ? null : r.GetDateTime(7),
        r.IsDBNull(8) ? null : r.GetInt32(8),
        r.IsDBNull(9) ? null : Enum.Parse<InterviewStatus>(r.GetString(9)),
        r.IsDBNull(10) ? null : Enum.Parse<InterviewKind>(r.GetString(10)),
        r.IsDBNull(11) ? null : r.GetString(11),
        r.IsDBNull(12) ? null : r.GetString(12),
        r.IsDBNull(13) ? null : r.GetBoolean(13),
        countReports ? Convert.ToInt32(r.GetValue(15), CultureInfo.InvariantCulture) : 0,
        r.IsDBNull(14) ? null : r.GetInt32(14));
}
