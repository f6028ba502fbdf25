using InterviewPortal.Web.Infrastructure.Localization;

namespace InterviewPortal.Web.Features.Import;

/// <summary>A sheet as read from the file: the header cells as written, then the data rows with their row numbers (header = row 1).</summary>
public sealed record ImportTable(IReadOnlyList<string> Headers, IReadOnlyList<ImportRow> Rows);

/// <summary>
/// One data row; a cell may carry a reading error (a number Excel stored with lost digits) instead of a value.
/// A workbook row keeps only the cells under the header; <paramref name="ValuesBeyondHeader"/> says it had more.
/// </summary>
public sealed record ImportRow(int Number, IReadOnlyList<ImportCell> Cells, bool ValuesBeyondHeader = false)
{
    public ImportCell Cell(int column) => column < Cells.Count ? Cells[column] : ImportCell.Empty;

    public bool HasValues => ValuesBeyondHeader || Cells.Any(c => c.Value.Length > 0);
}

public readonly record struct ImportCell(string Value, string? Error = null)
{
    public static readonly ImportCell Empty = new("");
}

/// <summary>A file the import cannot read at all: the status (400, 415) and a message.</summary>
public sealed class ImportFileException(int status, string message) : Exception(message)
{
    public int Status { get; } = status;
}

/// <summary>Reads an uploaded candidate file, judging the format by content, never by the name: an OpenXML zip or text.</summary>
public static class CandidateFileReader
{
    public static ImportTable Read(byte[] content)
    {
        if (content.Length == 0)
            throw new ImportFileException(400, Texts.Get("Import.TheFileIsEmpty"));
        if (content is [(byte)'P', (byte)'K', 3, 4, ..])
            return ReadZip(content);
        return CsvTable.Read(content);
    }

    private static ImportTable ReadZip(byte[] content)
    {
        try
        {
            using var package = XlsxPackage.Open(content);
            if (!package.IsSpreadsheet)
                throw NotSpreadsheet();
            return XlsxTable.Read(package);
        }
        catch (Exception e) when (e is InvalidDataException or NotSupportedException)
        {
            // A broken zip, or an entry packed with a method ZipArchive does not read (encrypted, deflate64 aside).
            throw NotSpreadsheet();
        }
        catch (System.Xml.XmlException)
        {
            throw new ImportFileException(400, Texts.Get("Import.TheWorkbookIsDamagedItsXML"));
        }
    }

    private static ImportFileException NotSpreadsheet() =>
        new(415, Texts.Get("Import.OnlyAnXlsxWorkbookOrA"));
}
