// The secretary's desk benchmark: import 10,000 rows from CSV and from XLSX through the real reader and handler on a
// SQLite file, then 200 searches of the candidate list over 20,000 candidates. Not a test: run it by hand, see docs/benchmarks.md.
using System.Diagnostics;
using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using InterviewPortal.Data;
using InterviewPortal.Data.Access;
using InterviewPortal.Data.Colleges;
using InterviewPortal.Web.Features.Candidates;
using InterviewPortal.Web.Features.Import;
using InterviewPortal.Web.Features.Shared;
using InterviewPortal.Web.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

const int Rows = 10_000;
var folder = Path.Combine(Path.GetTempPath(), "portal-bench-" + Guid.NewGuid().ToString("N")[..8]);
Directory.CreateDirectory(folder);
var builder = new DbContextOptionsBuilder<PortalDbContext>();
DatabaseSetup.Configure(builder, DatabaseProvider.Sqlite, $"Data Source={Path.Combine(folder, "bench.db")}");
var options = builder.Options;

int collegeId;
string[] majorCodes = ["081200", "083500", "085400"];
await using (var db = new PortalDbContext(options).WithScope(AccessScope.System))
{
    await db.Database.MigrateAsync();
    await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
    var college = new College { Code = "CS", Name = "计算机学院" };
    college.Majors.AddRange(majorCodes.Select(c => new Major { Code = c, Name = "专业" + c }));
    db.Colleges.Add(college);
    await db.SaveChangesAsync();
    collegeId = college.Id;
}
PortalDbContext Secretary() => new PortalDbContext(options).WithScope(AccessScope.Secretary("bench", collegeId));

string[] Row(int i)
{
    var body = $"110105{new DateOnly(1975, 1, 1).AddDays(i % 7000):yyyyMMdd}{i / 7000:D3}";
    return [$"1048720260{i:D5}", "考生" + i.ToString(CultureInfo.InvariantCulture), body + CandidateRules.CheckDigit(body), $"139{i:D8}", majorCodes[i % 3]];
}

var csv = new StringBuilder("考生编号,姓名,证件号码,手机号,专业代码\r\n");
for (var i = 0; i < Rows; i++)
    csv.Append(string.Join(',', Row(i))).Append("\r\n");
var csvBytes = Encoding.UTF8.GetBytes(csv.ToString());
var xlsxBytes = Xlsx(Enumerable.Range(Rows, Rows).Select(Row));

await Import("CSV dry run", csvBytes, dryRun: true);
await Import("CSV", csvBytes);
await Import("XLSX", xlsxBytes);

// The candidate list over 20,000: 200 searches (exam-number prefixes, names, phone prefixes), page 1 of 50.
var random = new Random(7);
var times = new List<double>();
for (var i = 0; i < 200; i++)
{
    var n = random.Next(0, 2 * Rows);
    string q = (i % 3) switch { 0 => $"1048720260{n:D5}"[..12], 1 => "考生" + n.ToString(CultureInfo.InvariantCulture)[..Math.Min(3, n.ToString(CultureInfo.InvariantCulture).Length)], _ => $"139{n:D8}"[..7] };
    await using var db = Secretary();
    var watch = Stopwatch.StartNew();
    var page = await new ListCandidatesHandler(db).HandleAsync(new CandidateListQuery(null, null, null, q), new PageRequest(1, 50), default);
    times.Add(watch.Elapsed.TotalMilliseconds);
    if (page.Total == 0 && i % 3 != 1)
        throw new InvalidOperationException($"No match for {q}");
}
times.Sort();
Console.WriteLine($"list over {2 * Rows} candidates, 200 searches: p50 {times[100]:F1} ms, p95 {times[189]:F1} ms, max {times[^1]:F1} ms");
Directory.Delete(folder, recursive: true);

async Task Import(string kind, byte[] bytes, bool dryRun = false)
{
    await using var db = Secretary();
    var watch = Stopwatch.StartNew();
    var table = CandidateFileReader.Read(bytes);
    var read = watch.Elapsed;
    var result = await new ImportCandidatesHandler(db).HandleAsync(table, dryRun, default);
    Console.WriteLine($"{kind} import of {Rows} rows ({bytes.Length / 1024} KB): {watch.Elapsed.TotalSeconds:F2} s (reading {read.TotalSeconds:F2} s), created {result.Created}, errors {result.Errors.Count}");
}

static byte[] Xlsx(IEnumerable<string[]> rows)
{
    using var stream = new MemoryStream();
    using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
    {
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        var data = new SheetData();
        data.Append(new Row(new[] { "考生编号", "姓名", "证件号码", "手机号", "专业代码" }.Select(h => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(h)) })));
        foreach (var r in rows)
        {
            // Exam number and phone as number cells, as Excel keeps them when nobody formats the column as text.
            data.Append(new Row(
                new Cell { CellValue = new CellValue(r[0]) },
                new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(r[1])) },
                new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(r[2])) },
                new Cell { CellValue = new CellValue(r[3]) },
                new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(r[4])) }));
        }
        var sheet = workbook.AddNewPart<WorksheetPart>();
        sheet.Worksheet = new Worksheet(data);
        workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = "考生" }));
    }
    return stream.ToArray();
}
