using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace InterviewPortal.IntegrationTests.Import;

/// <summary>Builds a small workbook the way Excel stores it: text as shared strings, numbers as raw number cells.</summary>
public static class XlsxBuilder
{
    /// <summary>Each cell is a string (shared string) or a <see cref="Number"/> (a number cell with that raw text).</summary>
    public static byte[] Build(params object[][] rows)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sharedPart = workbook.AddNewPart<SharedStringTablePart>();
            var shared = new SharedStringTable();
            var strings = new Dictionary<string, int>();
            var sheetData = new SheetData();
            for (var r = 0; r < rows.Length; r++)
            {
                var row = new Row { RowIndex = (uint)(r + 1) };
                for (var c = 0; c < rows[r].Length; c++)
                {
                    var reference = $"{(char)('A' + c)}{r + 1}";
                    if (rows[r][c] is Number number)
                    {
                        row.Append(new Cell { CellReference = reference, CellValue = new CellValue(number.Raw) });
                    }
                    else
                    {
                        var text = (string)rows[r][c];
                        if (!strings.TryGetValue(text, out var index))
                        {
                            index = strings[text] = strings.Count;
                            shared.Append(new SharedStringItem(new Text(text)));
                        }
                        row.Append(new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(index.ToString(System.Globalization.CultureInfo.InvariantCulture)) });
                    }
                }
                sheetData.Append(row);
            }
            sharedPart.SharedStringTable = shared;
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            sheetPart.Worksheet = new Worksheet(sheetData);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "考生" }));
        }
        return stream.ToArray();
    }

    public sealed record Number(string Raw);
}
