using InterviewPortal.Web.Infrastructure.Privacy;

namespace InterviewPortal.Web.Features.Import;

/// <summary>
/// One data row of a file as the import page shows it before the secretary commits: the cells as written, the ID and
/// mobile numbers already masked the way every list in the portal masks them, so the full numbers never reach the page.
/// </summary>
public sealed record ImportPreviewRow(int Row, string ExamNumber, string Name, string MajorCode, string? MajorName, string IdNumber, string Phone);

internal static class ImportPreview
{
    /// <summary>The page shows at most this many rows; a 50,000-row file still lists every error, under the table.</summary>
    public const int MaxRows = 200;

    public static List<ImportPreviewRow> Rows(IEnumerable<ImportRow> rows, ImportColumns columns, IReadOnlyDictionary<string, string> majorNames) =>
        rows.Take(MaxRows).Select(row =>
        {
            var major = row.Cell(columns[ImportField.MajorCode]).Value;
            return new ImportPreviewRow(row.Number,
                row.Cell(columns[ImportField.ExamNumber]).Value,
                row.Cell(columns[ImportField.Name]).Value,
                major,
                majorNames.GetValueOrDefault(major.Length is > 0 and < 6 && major.All(char.IsAsciiDigit) ? major.PadLeft(6, '0') : major),
                PersonalData.MaskIdNumber(row.Cell(columns[ImportField.IdNumber]).Value.Trim()),
                PersonalData.MaskPhone(row.Cell(columns[ImportField.Phone]).Value.Trim()));
        }).ToList();
}
