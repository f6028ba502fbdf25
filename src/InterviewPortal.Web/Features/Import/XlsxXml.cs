using System.Xml;
using InterviewPortal.Web.Infrastructure.Localization;

namespace InterviewPortal.Web.Features.Import;

/// <summary>
/// A forward-only XML reader over one workbook part, matched by local name (transitional and strict OOXML differ only
/// in namespaces). No DTD, no entities, no resolver; nesting past <see cref="ImportLimits.MaxXmlDepth"/> is refused as
/// it is met (every node passes through <see cref="Read"/>; nothing here skips a subtree unseen), and text is
/// collected up to <see cref="ImportLimits.MaxCellChars"/>.
/// </summary>
public sealed class XlsxXml(Stream part) : IDisposable
{
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        MaxCharactersFromEntities = 0,
        MaxCharactersInDocument = ImportLimits.MaxPartBytes,
        CloseInput = true,
    };

    private readonly XmlReader reader = XmlReader.Create(part, Settings);

    public int Depth => reader.Depth;

    public bool Read()
    {
        if (!reader.Read())
            return false;
        if (reader.Depth > ImportLimits.MaxXmlDepth)
            throw ImportLimits.Malformed(Texts.Get("Import.TheWorkbookSXMLNestsDeeper", ImportLimits.MaxXmlDepth));
        return true;
    }

    public bool IsElement(string localName) => reader.NodeType == XmlNodeType.Element && reader.LocalName == localName;

    public bool IsEnd(string localName) => reader.NodeType == XmlNodeType.EndElement && reader.LocalName == localName;

    public bool IsEmptyElement => reader.IsEmptyElement;

    public string? Attribute(string localName)
    {
        if (!reader.MoveToFirstAttribute())
            return null;
        try
        {
            do
            {
                // r:id on a sheet is namespaced; every other attribute we read is not.
                if (reader.LocalName == localName && (reader.NamespaceURI.Length == 0 || localName == "id"))
                    return reader.Value;
            }
            while (reader.MoveToNextAttribute());
            return null;
        }
        finally
        {
            reader.MoveToElement();
        }
    }

    /// <summary>
    /// From the start of an element (a cell, a shared string), to its end: the text of its <c>v</c> (a cell's value)
    /// and of its <c>t</c> elements (plain or rich-text runs), leaving out phonetic guides (<c>rPh</c>) and formulas.
    /// </summary>
    public (string Value, string Text) ReadItem()
    {
        if (reader.IsEmptyElement)
            return ("", "");
        var depth = reader.Depth;
        // Most cells hold one text node: keep it as the reader made it, and join only when there are more.
        string value = "", text = "";
        var into = Into.None;
        var ignoredFrom = -1;
        while (Read())
        {
            var node = reader.NodeType;
            if (node == XmlNodeType.EndElement)
            {
                if (reader.Depth == depth)
                    break;
                if (reader.Depth == ignoredFrom)
                    ignoredFrom = -1;
                into = Into.None;
            }
            else if (node == XmlNodeType.Element && !reader.IsEmptyElement && ignoredFrom < 0)
            {
                if (reader.LocalName is "rPh" or "f" or "extLst")
                    ignoredFrom = reader.Depth;
                else
                    into = reader.LocalName switch { "v" => Into.Value, "t" => Into.Text, _ => Into.None };
            }
            else if (into != Into.None && ignoredFrom < 0 && node is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace)
            {
                if (into == Into.Value)
                    value = Join(value, reader.Value);
                else
                    text = Join(text, reader.Value);
            }
        }
        return (value, text);
    }

    private static string Join(string so, string more) =>
        so.Length + more.Length > ImportLimits.MaxCellChars ? throw ImportLimits.CellTooLong()
        : so.Length == 0 ? more : string.Concat(so, more);

    private enum Into { None, Value, Text }

    public void Dispose() => reader.Dispose();
}
