using InterviewPortal.Web.Infrastructure.Localization;

namespace InterviewPortal.Web.Features.Import;

/// <summary>
/// A worksheet's rows as they stream past: the first row with a value is the header; each later row keeps only its
/// cells under a header column, in a list as long as its last such cell. The kept slots count against
/// <see cref="ImportLimits.MaxCells"/> like the cells read, so no layout of far-apart cells can grow memory past it.
/// </summary>
public sealed class SheetRows
{
    private readonly List<ImportRow> rows = [];
    private readonly List<(int Column, ImportCell Cell)> cells = [];
    private bool inRow;
    private string[]? header;
    private int number, headerNumber;
    private long slots;

    /// <summary>The number a row without an <c>r</c> attribute gets: one after the previous row.</summary>
    public int Next { get; private set; } = 1;

    /// <summary>The column a cell without a reference gets: one after the previous cell of its row.</summary>
    public int Position { get; private set; }

    public bool InRow => inRow;

    public void Start(int rowNumber)
    {
        End();
        cells.Clear();
        (inRow, number, Next, Position) = (true, rowNumber, rowNumber + 1, 0);
    }

    public void Add(int column, ImportCell cell)
    {
        if (inRow)
            cells.Add((column, cell));
        Position = column + 1;
    }

    public void End()
    {
        if (!inRow)
            return;
        inRow = false;
        if (header is null)
        {
            if (!cells.Exists(static c => c.Cell.Value.Length > 0))
                return;
            header = Array.ConvertAll(Spread(int.MaxValue), c => c.Value);
            headerNumber = number;
        }
        else if (number > headerNumber && cells.Count > 0)
        {
            var under = Spread(header.Length);
            // A value only past the header still makes the row a row (its missing fields are reported), as in a .csv.
            var beyond = false;
            foreach (var (column, cell) in cells)
                beyond |= column >= header.Length && cell.Value.Length > 0;
            if (under.Length > 0 || beyond)
                rows.Add(new ImportRow(number, under, beyond));
        }
    }

    public ImportTable Table()
    {
        End();
        return header is null
            ? throw new ImportFileException(400, Texts.Get("Import.TheWorksheetIsEmptyThereIs"))
            : new ImportTable(header, rows);
    }

    private ImportCell[] Spread(int width)
    {
        var length = 0;
        foreach (var (column, _) in cells)
            if (column < width)
                length = Math.Max(length, column + 1);
        slots += length;
        if (slots > ImportLimits.MaxCells)
            throw ImportLimits.TooManyCells();
        var spread = new ImportCell[length];
        Array.Fill(spread, ImportCell.Empty);
        foreach (var (column, cell) in cells)
            if (column < length)
                spread[column] = cell;
        return spread;
    }
}
