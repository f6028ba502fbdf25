using System.Text;
using InterviewPortal.Web.Infrastructure.Localization;

namespace InterviewPortal.Web.Features.Import;

/// <summary>
/// CSV as Chinese offices produce it: UTF-8 with or without a BOM, or GB18030 (Excel's "CSV" on Chinese Windows).
/// A file that is not valid UTF-8 is read as GB18030; a file with binary bytes is not text at all (415).
/// </summary>
public static class CsvTable
{
    static CsvTable() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string Decode(byte[] content)
    {
        if (content is [0xEF, 0xBB, 0xBF, ..])
            return Check(StrictOrNull(content.AsSpan(3)) ?? throw NotText());
        return Check(StrictOrNull(content) ?? Encoding.GetEncoding("GB18030").GetString(content));
    }

    public static ImportTable Read(byte[] content)
    {
        var lines = Parse(Decode(content));
        var header = lines.FirstOrDefault(l => l.Cells.Any(c => c.Length > 0));
        if (header.Cells is null)
            throw new ImportFileException(400, Texts.Get("Import.TheFileIsEmptyThereIs"));
        var rows = lines.Where(l => l.Number > header.Number)
            .Select(l => new ImportRow(l.Number, l.Cells.Select(c => Cell(c.Trim())).ToList()))
            .ToList();
        return new ImportTable(header.Cells.Select(c => c.Trim()).ToList(), rows);
    }

    // Excel writes a long number it shows in scientific notation into the CSV as shown: the digits are gone.
    private static ImportCell Cell(string text) =>
        text.Length > 0 && char.IsAsciiDigit(text[0]) && text.Contains("E+", StringComparison.OrdinalIgnoreCase) && NumericCell.LostDigits(text) is { } error
            ? new ImportCell(text, error)
            : new ImportCell(text);

    private static string? StrictOrNull(ReadOnlySpan<byte> bytes)
    {
        try { return StrictUtf8.GetString(bytes); }
        catch (DecoderFallbackException) { return null; }
    }

    private static string Check(string text)
    {
        foreach (var c in text)
            if (c == '\0' || c == '\uFFFD' || (char.IsControl(c) && c is not ('\r' or '\n' or '\t')))
                throw NotText();
        return text;
    }

    private static ImportFileException NotText() =>
        new(415, Texts.Get("Import.TheFileIsNeitherAnXlsx"));

    private readonly record struct Line(int Number, List<string> Cells);

    /// <summary>
    /// RFC 4180: quoted cells may hold the separator, doubled quotes and line breaks. The separator is the header's
    /// comma, tab or semicolon. Bounded like a workbook: <see cref="ImportLimits.MaxCells"/> cells in all (an empty
    /// line is one), <see cref="ImportLimits.MaxColumns"/> a line, <see cref="ImportLimits.MaxCellChars"/> a cell.
    /// </summary>
    private static List<Line> Parse(string text)
    {
        var firstLine = text[..(text.IndexOfAny(['\r', '\n']) is var end and >= 0 ? end : text.Length)];
        var separator = new[] { ',', '\t', ';' }.MaxBy(s => firstLine.Count(c => c == s));
        var lines = new List<Line>();
        var cells = new List<string>();
        var cell = new StringBuilder();
        var (lineNumber, quoted, i, total) = (1, false, 0, 0);
        while (i < text.Length)
        {
            var c = text[i++];
            if (quoted)
            {
                if (c == '"' && i < text.Length && text[i] == '"') { cell.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else cell.Append(c);
            }
            else if (c == '"' && cell.Length == 0) quoted = true;
            else if (c == separator) { EndCell(); }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i < text.Length && text[i] == '\n') i++;
                EndCell();
                lines.Add(new Line(lineNumber++, cells));
                cells = [];
            }
            else cell.Append(c);
            if (cell.Length > ImportLimits.MaxCellChars)
                throw ImportLimits.CellTooLong();
        }
        if (cell.Length > 0 || cells.Count > 0)
        {
            EndCell();
            lines.Add(new Line(lineNumber, cells));
        }
        return lines;

        void EndCell()
        {
            if (++total > ImportLimits.MaxCells)
                throw ImportLimits.TooManyCells();
            if (cells.Count >= ImportLimits.MaxColumns)
                throw ImportLimits.Malformed(Texts.Get("Import.ALineHasMoreThan16"));
            cells.Add(cell.ToString());
            cell.Clear();
        }
    }
}
