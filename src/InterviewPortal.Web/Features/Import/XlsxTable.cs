using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace InterviewPortal.Web.Features.Import;

/// <summary>Reads the first worksheet of an .xlsx with the streaming reader; cells are read from their raw values, never from a display format.</summary>
public static class XlsxTable
{
    public static ImportTable Read(byte[] content)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(content), isEditable: false);
        var workbook = document.WorkbookPart ?? throw new ImportFileException(415, "The workbook has no workbook part.");
        var sheet = workbook.Workbook?.Sheets?.Elements<Sheet>().FirstOrDefault()
                    ?? throw new ImportFileException(400, "The workbook has no worksheet.");
        if (sheet.Id?.Value is not { } partId || workbook.GetPartById(partId) is not WorksheetPart part)
            throw new ImportFileException(400, "The workbook's first sheet is not a worksheet.");
        var shared = SharedStrings(workbook);

        var rows = new List<ImportRow>();
        using (var reader = OpenXmlReader.Create(part))
        {
            var next = 1;
            while (reader.Read())
            {
                if (reader.ElementType != typeof(Row) || !reader.IsStartElement)
                    continue;
                var row = (Row)reader.LoadCurrentElement()!;
                var number = (int?)row.RowIndex?.Value ?? next;
                next = number + 1;
                var cells = new List<ImportCell>();
                var position = 0;
                foreach (var cell in row.Elements<Cell>())
                {
                    var column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : position;
                    while (cells.Count < column)
                        cells.Add(ImportCell.Empty);
                    cells.Add(Value(cell, shared));
                    position = column + 1;
                }
                rows.Add(new ImportRow(number, cells));
            }
        }

        var header = rows.FirstOrDefault(r => r.Cells.Any(c => c.Value.Length > 0))
                     ?? throw new ImportFileException(400, Infrastructure.Localization.Lang.T("工作表是空的，没有标题行。", "The worksheet is empty: there is no header row."));
        return new ImportTable(header.Cells.Select(c => c.Value).ToList(), rows.Where(r => r.Number > header.Number).ToList());
    }

    private static ImportCell Value(Cell cell, List<string> shared)
    {
        var raw = cell.CellValue?.Text ?? "";
        var type = cell.DataType?.Value;
        if (type == CellValues.SharedString)
            return new ImportCell(int.TryParse(raw, out var index) && index >= 0 && index < shared.Count ? shared[index].Trim() : "");
        if (type == CellValues.InlineString)
            return new ImportCell(TextOf(cell.InlineString).Trim());
        if (type == CellValues.String || type == CellValues.Boolean || type == CellValues.Error || type == CellValues.Date)
            return new ImportCell(raw.Trim());
        return raw.Length == 0 ? ImportCell.Empty : NumericCell.FromRaw(raw);
    }

    private static List<string> SharedStrings(WorkbookPart workbook)
    {
        var table = workbook.SharedStringTablePart?.SharedStringTable;
        return table is null ? [] : table.Elements<SharedStringItem>().Select(TextOf).ToList();
    }

    // Plain text or rich-text runs; phonetic guides (rPh) are not part of the value.
    private static string TextOf(OpenXmlElement? item) =>
        item is null ? "" : item.GetFirstChild<Text>()?.Text ?? string.Concat(item.Elements<Run>().Select(r => r.Text?.Text));

    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference)
        {
            if (!char.IsAsciiLetter(c))
                break;
            index = index * 26 + (char.ToUpperInvariant(c) - 'A' + 1);
        }
        return Math.Max(index - 1, 0);
    }
}
