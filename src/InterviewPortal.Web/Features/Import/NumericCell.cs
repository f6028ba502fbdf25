using System.Globalization;
using InterviewPortal.Web.Infrastructure.Localization;

namespace InterviewPortal.Web.Features.Import;

/// <summary>
/// Excel keeps numbers as doubles: 15 significant digits at most, and it may write them in scientific notation.
/// An exam number, phone or ID number typed into a number cell comes back from its raw text whole, or is refused —
/// never silently rounded.
/// </summary>
public static class NumericCell
{
    private const int ExcelDigits = 15;

    /// <summary>The digits of a raw number cell ("104872026000001", "1.04872026000001E+14", "13800138000.0"), or the reason it cannot be trusted.</summary>
    public static ImportCell FromRaw(string raw)
    {
        // The common case, plain digits that fit a double whole, is its own text (no parsing, no new strings).
        if (raw.Length is > 0 and <= ExcelDigits && (raw[0] != '0' || raw.Length == 1) && raw.All(char.IsAsciiDigit))
            return new ImportCell(raw);
        raw = raw.Trim();
        if (!decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            return new ImportCell(raw);
        if (LostDigits(raw) is { } error)
            return new ImportCell(raw, error);
        return new ImportCell(value == decimal.Truncate(value) ? decimal.Truncate(value).ToString(CultureInfo.InvariantCulture) : raw);
    }

    /// <summary>Null when the number's digits are all there; else a message telling how to fix the sheet.</summary>
    public static string? LostDigits(string raw)
    {
        if (!decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            return null;
        var integer = decimal.Truncate(decimal.Abs(value)).ToString(CultureInfo.InvariantCulture);
        var exponent = raw.IndexOfAny(['E', 'e']);
        var mantissaDigits = (exponent < 0 ? raw : raw[..exponent]).TrimStart('-', '+', '0').Count(char.IsAsciiDigit);
        // Scientific notation that pads zeros, or more digits than a double holds: the tail was made up by Excel.
        if ((exponent >= 0 && integer.Length > mantissaDigits) || integer.Length > ExcelDigits)
            return Texts.Get("Import.IsALongNumberExcelStored", raw);
        return null;
    }
}
