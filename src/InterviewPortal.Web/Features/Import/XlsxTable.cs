using InterviewPortal.Web.Infrastructure.Localization;

namespace InterviewPortal.Web.Features.Import;

/// <summary>
/// Reads the first worksheet of an .xlsx as a stream of XML, cells from their raw values, never from a display format.
/// Rows are kept only as wide as their last cell under the header, so a cell that names a far column (ZZZZZZ1) costs
/// nothing, and a reference past Excel's last column (XFD) is refused; see <see cref="ImportLimits"/> for the rest.
/// </summary>
public static class XlsxTable
{
    private const string OfficeDocument = "/officeDocument";

    public static ImportTable Read(XlsxPackage package)
    {
        var workbookPath = package.Relationships("").Values.FirstOrDefault(r => r.Type.EndsWith(OfficeDocument, StringComparison.Ordinal)).Path ?? "xl/workbook.xml";
        if (!package.Has(workbookPath))
            throw new ImportFileException(415, Texts.Get("Import.TheWorkbookHasNoWorkbookPart"));
        var parts = package.Relationships(workbookPath);
        var sheetId = FirstSheetId(package, workbookPath) ?? throw new ImportFileException(400, Texts.Get("Import.TheWorkbookHasNoWorksheet"));
        if (!parts.TryGetValue(sheetId, out var sheet) || !sheet.Type.EndsWith("/worksheet", StringComparison.Ordinal) || !package.Has(sheet.Path))
            throw new ImportFileException(400, Texts.Get("Import.TheWorkbookSFirstSheetIs"));
        var shared = parts.Values.FirstOrDefault(p => p.Type.EndsWith("/sharedStrings", StringComparison.Ordinal)).Path is { } sharedPath && package.Has(sharedPath)
            ? SharedStrings(package, sharedPath)
            : [];

        var sheetRows = new SheetRows();
        using (var xml = package.Read(sheet.Path))
        {
            var cells = 0;
            while (xml.Read())
            {
                if (xml.IsElement("row"))
                {
                    sheetRows.Start(RowNumber(xml.Attribute("r"), sheetRows.Next));
                    if (xml.IsEmptyElement)
                        sheetRows.End();
                }
                else if (xml.IsEnd("row"))
                    sheetRows.End();
                else if (xml.IsElement("c") && sheetRows.InRow)
                {
                    if (++cells > ImportLimits.MaxCells)
                        throw ImportLimits.TooManyCells();
                    var (reference, type) = (xml.Attribute("r"), xml.Attribute("t"));
                    var (value, text) = xml.ReadItem();
                    sheetRows.Add(Column(reference) ?? sheetRows.Position, Value(type, value, text, shared));
                }
            }
        }
        return sheetRows.Table();
    }

    private static ImportCell Value(string? type, string raw, string text, List<string> shared) => type switch
    {
        "s" => new ImportCell(int.TryParse(raw, out var index) && index >= 0 && index < shared.Count ? shared[index].Trim() : ""),
        "inlineStr" => new ImportCell(text.Trim()),
        "str" or "b" or "e" or "d" => new ImportCell(raw.Trim()),
        _ => raw.Length == 0 ? ImportCell.Empty : NumericCell.FromRaw(raw),
    };

    private static string? FirstSheetId(XlsxPackage package, string workbookPath)
    {
        using var xml = package.Read(workbookPath);
        while (xml.Read())
            if (xml.IsElement("sheet"))
                return xml.Attribute("id");
        return null;
    }

    /// <summary>The shared-string table, item by item: at most one per cell, and <see cref="ImportLimits.MaxSharedStringChars"/> in all.</summary>
    private static List<string> SharedStrings(XlsxPackage package, string path)
    {
        var strings = new List<string>();
        long characters = 0;
        using var xml = package.Read(path);
        while (xml.Read())
        {
            if (!xml.IsElement("si"))
                continue;
            var text = xml.ReadItem().Text;
            characters += text.Length;
            if (strings.Count >= ImportLimits.MaxCells || characters > ImportLimits.MaxSharedStringChars)
                throw ImportLimits.TooLarge(Texts.Get("Import.TheWorkbookSSharedStringTable"));
            strings.Add(text);
        }
        return strings;
    }

    private static int RowNumber(string? attribute, int next)
    {
        if (attribute is null)
            return next;
        if (!int.TryParse(attribute, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) || number is < 1 or > ImportLimits.MaxRowNumber)
            throw ImportLimits.Malformed(Texts.Get("Import.ARowNumberInTheWorkbook", ImportLimits.MaxRowNumber));
        return number;
    }

    /// <summary>The zero-based column of a reference ("B7" → 1), null when it names none; past XFD is refused.</summary>
    private static int? Column(string? reference)
    {
        if (reference is null)
            return null;
        var index = 0;
        foreach (var c in reference)
        {
            if (!char.IsAsciiLetter(c))
                break;
            index = index * 26 + (char.ToUpperInvariant(c) - 'A' + 1);
            if (index > ImportLimits.MaxColumns)
                throw ImportLimits.Malformed(Texts.Get("Import.ACellReferenceIsPastColumn"));
        }
        return index == 0 ? null : index - 1;
    }
}
