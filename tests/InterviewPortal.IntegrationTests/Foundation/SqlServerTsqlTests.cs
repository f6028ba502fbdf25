using InterviewPortal.Data.Candidates;
using InterviewPortal.Data.Interviews;
using InterviewPortal.Data.Notifications;
using InterviewPortal.Data.Rooms;
using InterviewPortal.IntegrationTests.Infrastructure;
using InterviewPortal.Web.Features.Interviews;
using InterviewPortal.Web.Features.Invitations;
using InterviewPortal.Web.Features.Notifications;
using InterviewPortal.Web.Features.Rooms;
using InterviewPortal.Web.Infrastructure.Database;
using InterviewPortal.Web.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace InterviewPortal.IntegrationTests.Foundation;

/// <summary>
/// No SQL Server runs on these machines, so what the portal would send it is checked with Microsoft's own T-SQL
/// parser (SQL Server 2022 grammar): the deployment script, and the statements the portal builds itself (bulk
/// inserts, conditional claims, the booking lock), captured from the real code over a connection that reaches no server.
/// </summary>
public class SqlServerTsqlTests
{
    private static readonly string Root = FindRoot();

    [Fact]
    public void The_deployment_script_in_deploy_sql_parses_as_T_SQL_and_is_current()
    {
        var script = File.ReadAllText(Path.Combine(Root, "deploy", "sql", "sqlserver.sql"));

        var fragment = AssertParses(script);

        var statements = ((TSqlScript)fragment).Batches.Sum(b => b.Statements.Count);
        Assert.True(statements > 20, $"only {statements} statements parsed");
        using var capture = new TsqlCapture();
        var latest = capture.Db.Database.GetMigrations().Last();
        Assert.Contains($"N'{latest}'", script, StringComparison.Ordinal); // deploy/migration-scripts.sh was run after the last migration
    }

    [Fact]
    public void The_idempotent_script_generated_from_the_migrations_parses_as_T_SQL()
    {
        using var capture = new TsqlCapture();
        var script = capture.Db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        AssertParses(script);
    }

    [Fact]
    public async Task The_booking_lock_and_the_slot_query_parse_as_T_SQL()
    {
        using var capture = new TsqlCapture();
        var guard = new SlotGuard(capture.Db);

        await using (await guard.LockAsync(CancellationToken.None))
            await guard.LoadAsync(1, "assistant-id", [1, 2, 3], DateTime.UtcNow, DateTime.UtcNow.AddHours(2), 7, CancellationToken.None);

        Assert.Equal(2, capture.Commands.Count);
        Assert.Contains("UPDATE [s]", capture.Commands[0], StringComparison.Ordinal);
        Assert.Contains("[SchedulingLocks]", capture.Commands[0], StringComparison.Ordinal);
        AssertAllParse(capture.Commands);
    }

    [Fact]
    public async Task Multi_row_inserts_of_candidates_interviews_and_notices_parse_as_T_SQL_within_the_parameter_limit()
    {
        using var capture = new TsqlCapture();
        var db = capture.Db;
        var room = new ExamRoom { Id = 3, CollegeId = 1, Name = "Room 1" };
        var candidates = Enumerable.Range(0, 250).Select(i => new Candidate
        {
            ExamNumber = $"10001200000{i:D4}", Name = $"考生{i}", IdNumber = $"11010519491231{i:D4}", Phone = $"1380000{i:D4}",
            MajorId = 1, CollegeId = 1,
        }).ToList();
        var interviews = candidates.Select((c, i) => Interview.Book(c, room, DateTime.UtcNow.AddMinutes(20 * i), 20, InterviewKind.Exam)).ToList();
        var notices = Enumerable.Range(0, 250).Select(i => new Notification
        {
            Recipient = $"1380000{i:D4}", Template = "PreExamNotice", IdempotencyKey = $"notice:{i}", DueAt = DateTime.UtcNow, InterviewId = i + 1,
        }).ToList();

        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            await db.InsertRowsAsync(candidates, CancellationToken.None);
            await db.InsertRowsAsync(interviews, CancellationToken.None);
            await db.InsertRowsAsync(notices, CancellationToken.None);
            await tx.CommitAsync();
        }

        Assert.True(capture.Commands.Count >= 9, $"{capture.Commands.Count} commands for 750 rows");
        Assert.All(capture.Commands, c => Assert.StartsWith("INSERT INTO [", c, StringComparison.Ordinal));
        // SQL Server takes at most 2,100 parameters in one command.
        Assert.All(capture.Commands, c => Assert.True(c.Split("@p").Length - 1 <= 2100, "too many parameters"));
        AssertAllParse(capture.Commands);
    }

    [Fact]
    public async Task The_outbox_and_invitation_claims_and_the_sweep_parse_as_T_SQL()
    {
        using var capture = new TsqlCapture();
        var db = capture.Db;
        var notices = new CandidateMessageSender(db, null!, new JobsOptions(), TimeProvider.System, null!, NullLogger<CandidateMessageSender>.Instance);
        var failures = new MeetingFailures(db, Microsoft.Extensions.Options.Options.Create(new MeetingTroubleOptions()));
        var invitations = new SendInvitationJob(db, null!, null!, failures, TimeProvider.System, null!, NullLogger<SendInvitationJob>.Instance);
        var sweep = new MissedNoticeSweep(db, new CandidateOutbox(db, null!, TimeProvider.System, NullLogger<CandidateOutbox>.Instance), TimeProvider.System, NullLogger<MissedNoticeSweep>.Instance);

        await notices.SendBatchAsync([1L, 2L, 3L], CancellationToken.None); // claims nothing: the fake answers 0 rows
        await invitations.RunAsync(5, CancellationToken.None);
        await sweep.RunAsync(CancellationToken.None);
        await failures.FailedAsync(7, CancellationToken.None);
        await failures.SucceededAsync(7, CancellationToken.None);

        Assert.Contains(capture.Commands, c => c.Contains("UPDATE", StringComparison.Ordinal) && c.Contains("[Notifications]", StringComparison.Ordinal));
        Assert.Equal(2, capture.Commands.Count(c => c.Contains("UPDATE", StringComparison.Ordinal) && c.Contains("[RoomMeetings]", StringComparison.Ordinal)));
        Assert.Contains(capture.Commands, c => c.Contains("UPDATE", StringComparison.Ordinal) && c.Contains("[MeetingInvitations]", StringComparison.Ordinal));
        Assert.True(capture.Commands.Count >= 4, string.Join("\n---\n", capture.Commands));
        AssertAllParse(capture.Commands);
    }

    [Fact]
    public void The_parser_refuses_broken_T_SQL()
    {
        // The checks above are only worth something if this parser says no.
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => AssertParses("UPDATE [s] SET WHERE [s].[Name] = N'schedule'"));
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => AssertParses("SELECT * FROM [Interviews] LIMIT 10"));
    }

    private static void AssertAllParse(IEnumerable<string> commands)
    {
        foreach (var command in commands)
            AssertParses(command);
    }

    private static TSqlFragment AssertParses(string sql)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(sql);
        var fragment = parser.Parse(reader, out var errors);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(5).Select(e => $"line {e.Line}, column {e.Column}: {e.Message}"))
            + "\nin:\n" + (sql.Length > 2000 ? sql[..2000] + "…" : sql));
        return fragment;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "InterviewPortal.sln")))
                return dir.FullName;
        throw new InvalidOperationException("The repository root (InterviewPortal.sln) was not found above the test binaries.");
    }
}
