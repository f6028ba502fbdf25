using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using InterviewPortal.Data;
using InterviewPortal.Web.Features.Candidates;
using InterviewPortal.Web.Infrastructure.Database;
using InterviewPortal.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.Web.Features.Import;

public sealed record TemplateFile(byte[] Content, string ContentType, string FileName);

/// <summary>
/// The file a secretary fills in: the header row the importer reads (in the page's language) and one fictitious
/// example row that passes the importer's own checks for the caller, so a template posted back unchanged as a dry run
/// reports one valid row. The example's numbers are nobody's: exam number 104879999000001, a mobile number in the
/// unassigned 130 0000 block, an ID number with a real check digit; the major is the first of the caller's college.
/// </summary>
public sealed class ImportTemplate(PortalDbContext db)
{
    public const string CsvType = "text/csv";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The .xlsx or .csv template, or null for any other format.</summary>
    public async Task<TemplateFile?> BuildAsync(string? format, CancellationToken ct)
    {
        var xlsx = string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase);
        if (!xlsx && !string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase))
            return null;
        var rows = new[] { Header(), await ExampleAsync(ct) };
        var name = Texts.Get("Import.CandidateImportTemplate");
        return xlsx ? new TemplateFile(Workbook(rows), XlsxType, name + ".xlsx") : new TemplateFile(Csv(rows), CsvType + "; charset=utf-8", name + ".csv");
    }

    private static string[] Header() => Lang.IsEnglish
        ? ["examNumber", "name", "idNumber", "phone", "majorCode"]
        : ["考生编号", "姓名", "证件号码", "手机号", "专业代码"];

    private async Task<string[]> ExampleAsync(CancellationToken ct)
    {
        var majorCode = await db.Scope.CoveredMajors(db.Majors.AsNoTracking()).OrderBy(m => m.Code).Select(m => m.Code).FirstOrDefaultAsync(ct) ?? "081200";
        const string idBody = "11010120000101001";
        return ["104879999000001", Texts.Get("Import.SampleZhang"), idBody + CandidateRules.CheckDigit(idBody), "13000000000", majorCode];
    }

    // UTF-8 with a BOM: Excel on Chinese Windows opens it as UTF-8 only when the BOM is there. Every cell is quoted
    // text; the importer reads the digits as written.
    private static byte[] Csv(string[][] rows)
    {
        var text = string.Join("\r\n", rows.Select(r => string.Join(",", r.Select(c => $"\"{c.Replace("\"", "\"\"")}\"")))) + "\r\n";
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)];
    }

    // Every cell an inline string, so the 15- and 18-digit numbers are text: as a number Excel would round them.
    private static byte[] Workbook(string[][] rows)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheets = workbook.Workbook.AppendChild(new Sheets());
            var part = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            for (var r = 0; r < rows.Length; r++)
            {
                var row = new Row { RowIndex = (uint)r + 1 };
                for (var c = 0; c < rows[r].Length; c++)
                    row.Append(new Cell
                    {
                        CellReference = $"{(char)('A' + c)}{r + 1}", DataType = CellValues.InlineString, InlineString = new InlineString(new Text(rows[r][c])),
                    });
                data.Append(row);
            }
            part.Worksheet = new Worksheet(data);
            sheets.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = 1, Name = Texts.Get("Import.Candidates") });
            workbook.Workbook.Save();
        }
        return stream.ToArray();
    }
}
