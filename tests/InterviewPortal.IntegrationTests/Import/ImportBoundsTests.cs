using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using InterviewPortal.IntegrationTests.Candidates;
using InterviewPortal.IntegrationTests.Infrastructure;
using InterviewPortal.Web.Features.Import;
using Xunit.Abstractions;

namespace InterviewPortal.IntegrationTests.Import;

/// <summary>
/// Files made to exhaust the reader (a far column, a million cells, a zip bomb, a lying zip header, deep or huge XML,
/// a CSV of commas) are refused with a 4xx problem before memory grows. Memory is measured as the bytes allocated on
/// the reading thread, an upper bound on what the read could have kept; the reader before these limits allocated
/// gigabytes for the first of them. The timeout is a generous guard, not a measurement.
/// </summary>
public class ImportBoundsTests(SqlitePortalFactory portal, ITestOutputHelper output) : IClassFixture<SqlitePortalFactory>
{
    private const long AllocationBound = 200L * 1024 * 1024;

    public static TheoryData<string> Bombs =>
    [
        "cell at ZZZZZZ1", "cell at XFE1", "a million tiny cells", "120 MB of shared strings", "a zip entry that lies about its size",
        "XML nested 100,000 deep", "30 MB of one letter (compression ratio)", "one text of 2 MB", "a tag of 4 MB", "a cell of 40,000 characters", "a zip of 2,000 entries", "csv of a million cells", "csv line of 20,000 cells", "csv of 9 million empty lines",
    ];

    [Theory(Timeout = 60_000)]
    [MemberData(nameof(Bombs))]
    public async Task A_crafted_file_is_refused_with_a_4xx_problem_and_bounded_memory(string bomb)
    {
        var (file, status) = Craft(bomb);
        Assert.True(file.Length < 10 * 1024 * 1024, $"the crafted file is {file.Length:N0} bytes, over the upload limit");

        var (allocated, refusal) = AllocatedWhileReading(file);
        output.WriteLine($"{bomb}: {file.Length:N0} bytes uploaded, {allocated / 1024.0 / 1024:F1} MB allocated while reading, refused {refusal?.Status}: {refusal?.Message}");
        Assert.Equal(status, refusal?.Status);
        Assert.True(allocated < AllocationBound, $"{allocated:N0} bytes allocated while reading {bomb}");

        var client = await portal.ClientForStaffAsync("secretary1");
        var response = await CandidateData.ImportAsync(client, file, "candidates.xlsx", dryRun: true);
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
    }

    [Fact(Timeout = 120_000)]
    public async Task A_real_sheet_of_20000_candidates_with_a_header_cell_at_XFD_still_imports_in_bounded_memory()
    {
        var (_, _, code) = await CandidateData.MajorOfAsync(portal, "secretary1");
        var first = Random.Shared.Next(0, 70_000);
        var rows = new List<object[]> { new object[] { "考生编号", "姓名", "证件号码", "手机号", "专业代码" } };
        for (var n = first; n < first + 20_000; n++)
            rows.Add([$"20997{n:D10}", "批量考生", Id(n), $"1770{n:D7}", code]);
        var file = XlsxBuilder.Build([.. rows]);
        // A header cell in Excel's last column: legal, and read without padding 20,000 rows to 16,384 columns.
        file = WithCellAtXfd1(file);

        var (allocated, refusal) = AllocatedWhileReading(file);
        output.WriteLine($"20,000 rows: {file.Length:N0} bytes, {allocated / 1024.0 / 1024:F1} MB allocated while reading");
        Assert.Null(refusal);
        Assert.True(allocated < AllocationBound, $"{allocated:N0} bytes allocated while reading a real sheet");

        var client = await portal.ClientForStaffAsync("secretary1");
        var response = await CandidateData.ImportAsync(client, file, "candidates.xlsx", dryRun: true);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body.Length > 500 ? body[..500] : body);
        Assert.Equal(20_000, JsonDocument.Parse(body).RootElement.GetProperty("created").GetInt32());
    }

    /// <summary>
    /// ZipArchive itself stops a deflated entry at its declared size (the lying zip above ends in broken XML); the
    /// reader does not rely on that: the bytes that really come out are counted against the declared size and the cap.
    /// </summary>
    [Fact]
    public void A_part_that_yields_more_bytes_than_it_declares_is_refused_as_they_are_read()
    {
        using var lying = new BoundedXmlStream(new MemoryStream(new byte[5_000]), declaredBytes: 2_048);
        var buffer = new byte[1_024];
        var refusal = Assert.Throws<ImportFileException>(() => { while (lying.Read(buffer, 0, buffer.Length) > 0) { } });
        Assert.Equal(400, refusal.Status);
        Assert.Equal(3_072, lying.Position); // refused at the first read past 2,048, not at the end

        // Short tags without end, as a bomb's output would be: only the part's cap can stop them.
        using var huge = new BoundedXmlStream(new RepeatingStream("<a/>"u8.ToArray()), declaredBytes: long.MaxValue);
        Assert.Equal(413, Assert.Throws<ImportFileException>(() => { while (huge.Read(buffer, 0, buffer.Length) > 0) { } }).Status);
        Assert.InRange(huge.Position, ImportLimits.MaxPartBytes + 1, ImportLimits.MaxPartBytes + buffer.Length);
    }

    /// <summary>An endless stream of one pattern, like a decompressor fed a bomb.</summary>
    private sealed class RepeatingStream(byte[] pattern) : Stream
    {
        private long at;

        public override int Read(byte[] buffer, int offset, int count)
        {
            for (var i = 0; i < count; i++)
                buffer[offset + i] = pattern[at++ % pattern.Length];
            return count;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    private static byte[] ManyEntries(int count)
    {
        using var zip = new MemoryStream();
        using (var archive = new System.IO.Compression.ZipArchive(new MemoryStream(RawWorkbook.Inline([("A1", "考生编号")]))))
        using (var copy = new System.IO.Compression.ZipArchive(zip, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in archive.Entries)
            {
                using var from = entry.Open();
                using var to = copy.CreateEntry(entry.FullName).Open();
                from.CopyTo(to);
            }
            for (var i = 0; i < count; i++)
                copy.CreateEntry($"xl/media/image{i}.png").Open().Dispose();
        }
        return zip.ToArray();
    }

    private static string Id(int n)
    {
        var body = $"370102{new DateOnly(1990, 1, 1).AddDays(n / 1000):yyyyMMdd}{n % 1000:D3}";
        return body + Web.Features.Candidates.CandidateRules.CheckDigit(body);
    }

    private static byte[] WithCellAtXfd1(byte[] xlsx)
    {
        using var stream = new MemoryStream();
        stream.Write(xlsx);
        using (var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(stream, isEditable: true))
        {
            var sheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet;
            var header = sheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().First();
            header.Append(new DocumentFormat.OpenXml.Spreadsheet.Cell
            {
                CellReference = "XFD1", DataType = DocumentFormat.OpenXml.Spreadsheet.CellValues.InlineString,
                InlineString = new DocumentFormat.OpenXml.Spreadsheet.InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text("备注")),
            });
            sheet.Save();
        }
        return stream.ToArray();
    }

    private static (long Allocated, ImportFileException? Refusal) AllocatedWhileReading(byte[] file)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        ImportFileException? refusal = null;
        try
        {
            CandidateFileReader.Read(file);
        }
        catch (ImportFileException e)
        {
            refusal = e;
        }
        return (GC.GetAllocatedBytesForCurrentThread() - before, refusal);
    }

    private static (byte[] File, int Status) Craft(string bomb) => bomb switch
    {
        "cell at ZZZZZZ1" => (RawWorkbook.Inline([("A1", "考生编号"), ("ZZZZZZ1", "x")]), 400),
        "cell at XFE1" => (RawWorkbook.Inline([("A1", "考生编号"), ("XFE1", "x")]), 400),
        "a million tiny cells" => (RawWorkbook.Build(w =>
        {
            for (var r = 1; r <= 200_000; r++)
                w.Write($"""<row r="{r}"><c r="A{r}"><v>{r}</v></c><c r="B{r}"><v>{r}</v></c><c r="C{r}"><v>{r}</v></c><c r="D{r}"><v>{r}</v></c><c r="E{r}"><v>{r}</v></c></row>""");
        }), 413),
        "120 MB of shared strings" => (RawWorkbook.Build(
            w => w.Write("""<row r="1"><c r="A1" t="s"><v>0</v></c></row>"""),
            w =>
            {
                var item = "<si><t>" + new string('字', 1000) + "</t></si>";
                for (var written = 0L; written < 120L * 1024 * 1024; written += item.Length * 3)
                    w.Write(item);
            }), 413),
        "a zip entry that lies about its size" => (RawWorkbook.DeclareSize(RawWorkbook.Build(w =>
        {
            for (var r = 1; r <= 20_000; r++)
                w.Write($"""<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>第{r}行</t></is></c></row>""");
        }), RawWorkbook.SheetPath, 2048), 400),
        "XML nested 100,000 deep" => (RawWorkbook.Build(w =>
        {
            w.Write("""<row r="1"><c r="A1" t="inlineStr"><is>""");
            for (var i = 0; i < 100_000; i++)
                w.Write("<r>");
        }), 400),
        "one text of 2 MB" => (RawWorkbook.Build(w =>
        {
            // Letters at random: deflate cannot shrink them much, so it is the token limit that refuses this.
            var random = new Random(16);
            w.Write("""<row r="1"><c r="A1" t="inlineStr"><is><t>""");
            w.Write(string.Create(2 * 1024 * 1024, random, (span, r) => { for (var i = 0; i < span.Length; i++) span[i] = (char)('a' + r.Next(26)); }));
            w.Write("</t></is></c></row>");
        }), 413),
        "30 MB of one letter (compression ratio)" => (RawWorkbook.Build(w =>
        {
            w.Write("""<row r="1"><c r="A1" t="inlineStr"><is><t>""");
            for (var i = 0; i < 30; i++)
                w.Write(new string('x', 1024 * 1024));
            w.Write("</t></is></c></row>");
        }), 413),
        "a tag of 4 MB" => (RawWorkbook.Build(w =>
        {
            w.Write("<row");
            for (var i = 0; i < 400_000; i++)
                w.Write($" a{i}=\"\"");
            w.Write("/>");
        }), 413),
        "a cell of 40,000 characters" => (RawWorkbook.Inline([("A1", new string('长', 40_000))]), 400),
        "a zip of 2,000 entries" => (ManyEntries(2_000), 413),
        "csv of a million cells" => (Encoding.UTF8.GetBytes("考生编号" + string.Concat(Enumerable.Repeat(new string(',', 5_000) + "\n", 200))), 413),
        "csv line of 20,000 cells" => (Encoding.UTF8.GetBytes("考生编号" + new string(',', 20_000)), 400),
        "csv of 9 million empty lines" => (Encoding.UTF8.GetBytes("考生编号,姓名" + new string('\n', 9_000_000)), 413),
        _ => throw new ArgumentOutOfRangeException(nameof(bomb)),
    };
}
