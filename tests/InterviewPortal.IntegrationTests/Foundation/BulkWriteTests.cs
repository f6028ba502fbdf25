using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using InterviewPortal.Data.Candidates;
using InterviewPortal.Data.Notifications;
using InterviewPortal.IntegrationTests.Candidates;
using InterviewPortal.IntegrationTests.Infrastructure;
using InterviewPortal.IntegrationTests.Interviews;
using InterviewPortal.Web.Features.Notifications;
using InterviewPortal.Web.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.IntegrationTests.Foundation;

/// <summary>
/// The import and auto-scheduling write their rows with multi-row INSERTs (RowInserter), not SaveChanges: on each
/// database the rows must read back as EF stored them, later EF writes (concurrency tokens) must match them, and a
/// failure must roll back with the caller's transaction. Enough rows to reuse the prepared command several times.
/// </summary>
public abstract class BulkWriteTests(PortalFactory portal)
{
    private readonly PlanningDesk desk = new(portal);

    private static string Csv(IEnumerable<int> numbers, string code, string name) =>
        "考生编号,姓名,证件号码,手机号,专业代码\n" + string.Concat(numbers.Select(n => $"{CandidateData.Exam(n)},{name}{n},{CandidateData.Id(n)},{CandidateData.Phone(n)},{code}\n"));

    private async Task<List<Candidate>> StoredAsync(int[] numbers)
    {
        var exams = numbers.Select(CandidateData.Exam).ToList();
        return await portal.WithDbAsync(db => db.Candidates.AsNoTracking().Where(c => exams.Contains(c.ExamNumber)).OrderBy(c => c.ExamNumber).ToListAsync());
    }

    [Fact]
    public async Task Imported_candidates_read_back_exactly_and_a_second_import_updates_them_through_their_version()
    {
        var (college, major, code) = await CandidateData.MajorOfAsync(portal, "secretary1");
        var numbers = Enumerable.Range(0, 200).Select(_ => CandidateData.Next()).ToArray();
        var client = await portal.ClientForStaffAsync("secretary1");
        var before = DateTime.UtcNow;

        var first = await CandidateData.ImportAsync(client, Encoding.UTF8.GetBytes(Csv(numbers, code, "批量")), "bulk.csv");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(200, (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("created").GetInt32());
        var stored = await StoredAsync(numbers);
        Assert.Equal(numbers.Select(CandidateData.Exam).Order(), stored.Select(c => c.ExamNumber));
        var byExam = stored.ToDictionary(c => c.ExamNumber);
        Assert.All(numbers, n =>
        {
            var c = byExam[CandidateData.Exam(n)];
            Assert.Equal(($"批量{n}", CandidateData.Id(n), CandidateData.Phone(n), major, college), (c.Name, c.IdNumber, c.Phone, c.MajorId, c.CollegeId));
            Assert.Equal(AccountProvisioning.NotRequested, c.Provisioning);
            Assert.InRange(c.CreatedAt, before.AddMinutes(-1), DateTime.UtcNow.AddMinutes(1));
        });
        Assert.Equal(200, stored.Select(c => c.Version).Where(v => v != Guid.Empty).Distinct().Count());
        var listed = await client.GetFromJsonAsync<JsonElement>($"/api/v1/candidates?q={CandidateData.Exam(numbers[150])}");
        Assert.Equal(1, listed.GetProperty("total").GetInt32());
        Assert.Contains(await portal.WithDbAsync(db => db.AuditEntries.Select(a => a.Detail).ToListAsync()), d => d == "created 200, updated 0");

        // The update's WHERE compares the stored version: a version stored in another format than EF's would fail it.
        var again = await CandidateData.ImportAsync(client, Encoding.UTF8.GetBytes(Csv(numbers, code, "更新")), "bulk.csv");

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(200, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("updated").GetInt32());
        Assert.All(await StoredAsync(numbers), c => Assert.StartsWith("更新", c.Name, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_failing_row_surfaces_as_a_DbUpdateException_and_the_transaction_leaves_none_of_the_rows()
    {
        var (college, major, _) = await CandidateData.MajorOfAsync(portal, "secretary1");
        var taken = await portal.WithDbAsync(db => db.Candidates.Select(c => c.ExamNumber).FirstAsync());
        var numbers = Enumerable.Range(0, 150).Select(_ => CandidateData.Next()).ToArray();
        var rows = numbers.Select(n => new Candidate
        {
            ExamNumber = n == numbers[^1] ? taken : CandidateData.Exam(n), Name = "回滚", IdNumber = CandidateData.Id(n), Phone = CandidateData.Phone(n),
            MajorId = major, CollegeId = college,
        }).ToList();

        await portal.WithDbAsync(async db =>
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.InsertRowsAsync(rows.Take(1).ToList(), default));
            await using var tx = await db.Database.BeginTransactionAsync();
            await Assert.ThrowsAsync<DbUpdateException>(() => db.InsertRowsAsync(rows, default));
            await tx.RollbackAsync();
            return 0;
        });

        Assert.Empty(await StoredAsync(numbers));
    }

    [Fact]
    public async Task Auto_scheduled_interviews_answer_with_their_ids_and_each_gets_its_own_notice_that_cancelling_withdraws()
    {
        var (_, _, code) = await CandidateData.MajorOfAsync(portal, "secretary1");
        var client = await portal.ClientForStaffAsync("secretary1");
        var numbers = Enumerable.Range(0, 130).Select(_ => CandidateData.Next()).ToArray();
        Assert.Equal(HttpStatusCode.OK, (await CandidateData.ImportAsync(client, Encoding.UTF8.GetBytes(Csv(numbers, code, "排考")), "s.csv")).StatusCode);
        var candidates = (await StoredAsync(numbers)).ToDictionary(c => c.Id);
        var room = await desk.CreateRoomAsync(client, "批量考场 " + numbers[0]);

        var response = await client.PostAsJsonAsync($"/api/v1/rooms/{room}/schedule", new
        {
            candidateIds = candidates.Keys, firstStartsAt = "2031-09-01T08:30:00+08:00", durationMinutes = 10, breakMinutes = 0,
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var items = (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray()
            .Select(i => (Id: i.GetProperty("id").GetInt32(), Candidate: i.GetProperty("candidateId").GetInt32(), StartsAt: i.GetProperty("startsAt").GetDateTime().ToUniversalTime())).ToList();
        Assert.Equal(candidates.Keys, items.Select(i => i.Candidate));
        var ids = items.Select(i => i.Id).ToList();
        var interviews = await portal.WithDbAsync(db => db.Interviews.AsNoTracking().Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id));
        var notices = await portal.WithDbAsync(db => db.Notifications.AsNoTracking().Where(n => n.InterviewId != null && ids.Contains(n.InterviewId.Value)).ToListAsync());
        var lead = await portal.WithDbAsync(db => db.Settings.Select(s => (int?)s.NoticeLeadMinutes).FirstOrDefaultAsync()) ?? 20;
        Assert.Equal(130, interviews.Count);
        Assert.Equal(130, notices.Count);
        Assert.All(items, item =>
        {
            var interview = interviews[item.Id];
            Assert.Equal((item.Candidate, room, item.StartsAt), (interview.CandidateId, interview.ExamRoomId, interview.StartsAt));
            var notice = Assert.Single(notices, n => n.InterviewId == item.Id);
            Assert.Equal((NotificationStatus.Pending, NoticeTemplates.PreExam, candidates[item.Candidate].Phone, (int?)item.Candidate),
                (notice.Status, notice.Template, notice.Recipient, notice.CandidateId));
            Assert.Equal(interview.StartsAt.AddMinutes(-lead), notice.DueAt);
            Assert.Equal(NoticeTemplates.PreExamKey(interview), notice.IdempotencyKey);
        });
        Assert.Equal(1, await portal.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "interview.auto-scheduled" && a.EntityId == room.ToString())));

        // Cancelling goes through EF and both concurrency tokens (the interview's and the notice's version).
        var cancelled = await client.PostAsJsonAsync($"/api/v1/interviews/{ids[70]}/cancel", new { reason = "批量取消" });

        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        var statuses = await portal.WithDbAsync(db => db.Notifications.Where(n => n.InterviewId != null && ids.Contains(n.InterviewId.Value))
            .Select(n => new { n.InterviewId, n.Status }).ToListAsync());
        Assert.Equal(NotificationStatus.Cancelled, Assert.Single(statuses, s => s.InterviewId == ids[70]).Status);
        Assert.Equal(129, statuses.Count(s => s.Status == NotificationStatus.Pending));
    }
}

public sealed class SqliteBulkWriteTests(SqlitePortalFactory portal) : BulkWriteTests(portal), IClassFixture<SqlitePortalFactory>;

public sealed class PostgresBulkWriteTests(PostgresPortalFactory portal) : BulkWriteTests(portal), IClassFixture<PostgresPortalFactory>;
