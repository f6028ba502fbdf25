using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using InterviewPortal.IntegrationTests.Candidates;
using InterviewPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static InterviewPortal.IntegrationTests.Import.XlsxBuilder;

namespace InterviewPortal.IntegrationTests.Import;

public class ImportTests(SqlitePortalFactory portal) : IClassFixture<SqlitePortalFactory>
{
    static ImportTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static string Row(int n, string majorCode, string name = "导入考生") =>
        $"{CandidateData.Exam(n)},{name},{CandidateData.Id(n)},{CandidateData.Phone(n)},{majorCode}";

    private async Task<int> CountAsync(params int[] numbers) =>
        await portal.WithDbAsync(db => db.Candidates.CountAsync(c => numbers.Select(CandidateData.Exam).Contains(c.ExamNumber)));

    [Theory]
    [InlineData("utf8-bom")]
    [InlineData("utf8")]
    [InlineData("gb18030")]
    public async Task A_csv_in_each_encoding_imports_with_its_chinese_headers_and_names(string encoding)
    {
        var (_, _, code) = await CandidateData.MajorOfAsync(portal, "secretary1");
        var (a, b) = (CandidateData.Next(), CandidateData.Next());
        // Columns in another order than api.md lists them, with the alternative Chinese headers.
        var text = $"姓名,身份证号,考生编号,移动电话,专业代码\r\n" +
                   $"欧阳娜娜,{CandidateData.Id(a)},{CandidateData.Exam(a)},{CandidateData.Phone(a)},{code}\r\n" +
                   $" 张三 ,{CandidateData.Id(b).ToLowerInvariant()},{CandidateData.Exam(b)},{CandidateData.Phone(b)},{code}\r\n";
        var bytes = encoding switch
        {
            "utf8-bom" => CandidateData.Csv(text, new UTF8Encoding(true), bom: true),
            "utf8" => CandidateData.Csv(text, new UTF8Encoding(false)),
            _ => CandidateData.Csv(text, Encoding.GetEncoding("GB18030")),
        };
        var client = await portal.ClientForStaffAsync("secretary1");

        var response = await CandidateData.ImportAsync(client, bytes, "candidates.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, body.GetProperty("created").GetInt32());
        Assert.Equal(0, body.GetProperty("errors").GetArrayLength());
        var names = await portal.WithDbAsync(db => db.Candidates.Where(c => c.ExamNumber == CandidateData.Exam(a) || c.ExamNumber == CandidateData.Exam(b)).OrderBy(c => c.ExamNumber).Select(c => c.Name).ToListAsync());
        Assert.Equal(new[] { "张三", "欧阳娜娜" }.Order(), names.Order());
    }

    [Fact]
    public async Task An_xlsx_with_numbers_stored_as_numbers_imports_their_digits_and_refuses_numbers_that_lost_digits()
    {
        var (_, _, code) = await CandidateData.MajorOfAsync(portal, "secretary1");
        var (a, b) = (CandidateData.Next(), CandidateData.Next());
        string[] header = ["examNumber", "name", "idNumber", "phone", "majorCode"];
        var good = Build(header,
            [new Number(CandidateData.Exam(a)), "数字格式", CandidateData.Id(a), new Number(CandidateData.Phone(a) + ".0"), new Number(code)]);
        var client = await portal.ClientForStaffAsync("secretary1");

        var ok = await CandidateData.ImportAsync(client, good, "whatever.bin");
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var stored = await portal.WithDbAsync(db => db.Candidates.SingleAsync(c => c.ExamNumber == CandidateData.Exam(a)));
        Assert.Equal(CandidateData.Phone(a), stored.Phone);

        // Excel's scientific notation (1.04872026E+14) and an 18-digit ID as a number have lost digits: refused, not rounded.
        var lossy = Build(header,
            [new Number("2.0999E+14"), "科学计数", CandidateData.Id(b), CandidateData.Phone(b), code],
            [CandidateData.Exam(b), "长数字", new Number(CandidateData.Id(b)[..17] + "0"), CandidateData.Phone(b), code]);
        var refused = await CandidateData.ImportAsync(client, lossy, "lossy.xlsx");

        Assert.Equal((HttpStatusCode)422, refused.StatusCode);
        var errors = await CandidateData.ErrorsAsync(refused);
        Assert.Contains(errors, e => e.Row == 2 && e.Column == "examNumber");
        Assert.Contains(errors, e => e.Row == 3 && e.Column == "idNumber");
        Assert.Equal(0, await CountAsync(b));
    }

    [Fact]
    public async Task One_bad_row_writes_nothing_and_every_bad_row_is_reported_with_row_column_and_reason()
    {
        var (_, _, code) = await CandidateData.MajorOfAsync(portal, "secretary1");
        var ns = Enumerable.Range(0, 5).Select(_ => CandidateData.Next()).ToArray();
        var leapBad = CandidateData.Id(ns[3], new DateOnly(2001, 3, 1)).Replace("20010301", "20010229", StringComparison.Ordinal);
        var csv = "考生编号,姓名,证件号码,手机号,专业代码\n" +
                  Row(ns[0], code) + "\n" +
                  Row(ns[1], code) + "\n" +
                  $"{CandidateData.Exam(ns[2])},重复手机,{CandidateData.Id(ns[2])},{CandidateData.Phone(ns[1])},{code}\n" +
                  $"{CandidateData.Exam(ns[3])},闰日,{leapBad},{CandidateData.Phone(ns[3])},{code}\n" +
                  $"{CandidateData.Exam(ns[4])},,{CandidateData.Id(ns[4])[..17]},{CandidateData.Phone(ns[4])},999999\n";
        var client = await portal.ClientForStaffAsync("secretary1");

        var response = await CandidateData.ImportAsync(client, Encoding.UTF8.GetBytes(csv), "bad.csv");

        Assert.Equal((HttpStatusCode)422, response.StatusCode);
        var errors = await CandidateData.ErrorsAsync(response);
        Assert.Contains(errors, e => e is { Row: 4, Column: "手机号" });
        Assert.Contains(errors, e => e is { Row: 5, Column: "证件号码" });
        Assert.Contains(errors, e => e is { Row: 6, Column: "姓名" });
        Assert.Contains(errors, e => e is { Row: 6, Column: "证件号码" });
        Assert.Contains(errors, e => e is { Row: 6, Column: "专业代码" });
        Assert.DoesNotContain(errors, e => e.Row is 2 or 3);
        Assert.Equal(0, await CountAsync(ns));
    }

    [Fact]
    public async Task A_dry_run_counts_creates_and_updates_and_writes_nothing_then_the_import_updates_by_exam_number()
    {
        var (_, major, code) = await CandidateData.MajorOfAsync(portal, "secretary1");
        var client = await portal.ClientForStaffAsync("secretary1");
        var (existing, fresh) = (CandidateData.Next(), CandidateData.Next());
        await CandidateData.CreateAsync(client, existing, major);
        var csv = "examNumber,name,idNumber,phone,majorCode\n" + Row(existing, code, "已更新") + "\n" + Row(fresh, code) + "\n";

        var dry = await CandidateData.ImportAsync(client, Encoding.UTF8.GetBytes(csv), "c.csv", dryRun: true);
        Assert.Equal(HttpStatusCode.OK, dry.StatusCode);
        var counts = await dry.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((1, 1), (counts.GetProperty("created").GetInt32(), counts.GetProperty("updated").GetInt32()));
        Assert.Equal(1, await CountAsync(existing, fresh));

        var real = await CandidateData.ImportAsync(client, Encoding.UTF8.GetBytes(csv), "c.csv");
        Assert.Equal(HttpStatusCode.OK, real.StatusCode);
        Assert.Equal(2, await CountAsync(existing, fresh));
        Assert.Equal("已更新", await portal.WithDbAsync(db => db.Candidates.Where(c => c.ExamNumber == CandidateData.Exam(existing)).Select(c => c.Name).SingleAsync()));
    }

    [Fact]
    public async Task A_secretary_cannot_import_into_another_colleges_major_or_over_its_candidates_or_their_phones()
    {
        var (_, _, otherCode) = await CandidateData.MajorOfAsync(portal, "secretary1");
        var (_, _, ownCode) = await CandidateData.MajorOfAsync(portal, "secretary2");
        var other = await portal.WithDbAsync(db => db.Candidates.Where(c => c.College.Code == "CS").OrderBy(c => c.Id).Select(c => new { c.ExamNumber, c.Phone, c.Name }).FirstAsync());
        var ns = new[] { CandidateData.Next(), CandidateData.Next(), CandidateData.Next() };
        var csv = "考生编号,姓名,证件号码,手机号,专业代码\n" +
                  Row(ns[0], otherCode) + "\n" +
                  $"{other.ExamNumber},冒名,{CandidateData.Id(ns[2])},{CandidateData.Phone(ns[2])},{ownCode}\n" +
                  $"{CandidateData.Exam(ns[1])},撞号,{CandidateData.Id(ns[1])},{other.Phone},{ownCode}\n";
        var client = await portal.ClientForStaffAsync("secretary2");

        var response = await CandidateData.ImportAsync(client, Encoding.UTF8.GetBytes(csv), "c.csv");

        Assert.Equal((HttpStatusCode)422, response.StatusCode);
        var errors = await CandidateData.ErrorsAsync(response);
        Assert.Contains(errors, e => e is { Row: 2, Column: "专业代码" });
        Assert.Contains(errors, e => e is { Row: 3, Column: "考生编号" });
        Assert.Contains(errors, e => e is { Row: 4, Column: "手机号" });
        Assert.Equal(other.Name, await portal.WithDbAsync(db => db.Candidates.Where(c => c.ExamNumber == other.ExamNumber).Select(c => c.Name).SingleAsync()));
    }

    [Fact]
    public async Task Missing_columns_an_empty_file_and_files_that_are_neither_csv_nor_xlsx_are_clear_4xx()
    {
        var client = await portal.ClientForStaffAsync("secretary1");

        var missing = await CandidateData.ImportAsync(client, Encoding.UTF8.GetBytes("考生编号,姓名\n209990000000001,张三\n"), "c.csv");
        Assert.Equal((HttpStatusCode)422, missing.StatusCode);
        Assert.Contains(await CandidateData.ErrorsAsync(missing), e => e.Row == 1 && e.Message.Contains("证件号码", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.BadRequest, (await CandidateData.ImportAsync(client, [], "empty.csv")).StatusCode);

        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1];
        var image = await CandidateData.ImportAsync(client, png, "candidates.csv");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, image.StatusCode);
        Assert.Equal("application/problem+json", image.Content.Headers.ContentType?.MediaType);

        using var zip = new MemoryStream();
        using (var archive = new System.IO.Compression.ZipArchive(zip, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
            await using (var entry = archive.CreateEntry("readme.txt").Open())
                entry.Write("hello"u8);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await CandidateData.ImportAsync(client, zip.ToArray(), "c.xlsx")).StatusCode);

        var json = await client.PostAsJsonAsync("/api/v1/candidates/import", new { file = "x" });
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);
    }
}

/// <summary>A portal whose import limit is 4 KB, to prove the 413 without sending megabytes.</summary>
public sealed class SmallImportLimitPortal : PortalFactory
{
    public SmallImportLimitPortal() => Settings["Import:MaxFileBytes"] = "4096";
}

public class ImportLimitTests(SmallImportLimitPortal portal) : IClassFixture<SmallImportLimitPortal>
{
    [Fact]
    public async Task A_file_over_the_limit_is_a_413_problem()
    {
        var client = await portal.ClientForStaffAsync("secretary1");
        var big = Encoding.UTF8.GetBytes("考生编号,姓名,证件号码,手机号,专业代码\n" + string.Concat(Enumerable.Repeat("209990000000001,张三,110105199901010011,16600000001,081200\n", 200)));

        var response = await CandidateData.ImportAsync(client, big, "big.csv");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
