using InterviewPortal.Web.Infrastructure.Localization;

namespace InterviewPortal.Web.Features.Import;

/// <summary>
/// What a candidate file may hold, so that reading one costs bounded memory and time whatever it claims. The largest
/// realistic import is one university's whole intake, about 20,000 candidates, in a sheet exported from the admission
/// system with up to 25 columns (the five we read and others we skip): 500,000 cells. Everything else follows Excel's
/// own limits or leaves several times the room such a sheet needs (its sheet XML is about 20 MB).
/// </summary>
public static class ImportLimits
{
    /// <summary>Cells read, and cell slots kept (a row is kept up to its last cell under a header): 20,000 × 25.</summary>
    public const int MaxCells = 500_000;

    /// <summary>Excel's last column, XFD.</summary>
    public const int MaxColumns = 16_384;

    /// <summary>Excel's last row.</summary>
    public const int MaxRowNumber = 1_048_576;

    /// <summary>Excel's limit for the text of one cell.</summary>
    public const int MaxCellChars = 32_767;

    /// <summary>All shared strings together (UTF-16 characters, so at most 32 MB of memory).</summary>
    public const int MaxSharedStringChars = 16_000_000;

    /// <summary>An .xlsx holds about a dozen parts; a few sheets, styles and a theme stay far below this.</summary>
    public const int MaxZipEntries = 1_000;

    /// <summary>Uncompressed bytes of one part the reader opens (workbook, relationships, shared strings, sheet).</summary>
    public const long MaxPartBytes = 64L * 1024 * 1024;

    /// <summary>
    /// Declared uncompressed ÷ compressed size of a part over 1 MB. XML deflates about 5–25 to 1; a bomb, far more
    /// (deflate reaches about 1,000 to 1).
    /// </summary>
    public const int MaxCompressionRatio = 100;

    /// <summary>
    /// One XML tag, or one run of text between tags, in bytes. The longest a real workbook writes is a cell of
    /// 32,767 characters escaped as character references (about 330 KB); a bigger one could only be meant to make the
    /// parser buffer it whole (or hold millions of attributes).
    /// </summary>
    public const int MaxXmlTokenBytes = 1024 * 1024;

    /// <summary>Element nesting: a sheet needs about 8 levels; the parser keeps a frame per level.</summary>
    public const int MaxXmlDepth = 64;

    public static ImportFileException TooLarge(string message) => new(413, message);

    public static ImportFileException Malformed(string message) => new(400, message);

    public static ImportFileException TooManyCells() => TooLarge(Texts.Get("Import.TheSheetHasMoreThanCells", MaxCells));

    public static ImportFileException CellTooLong() => Malformed(Texts.Get("Import.ACellHoldsMoreThanCharacters", MaxCellChars));
}
