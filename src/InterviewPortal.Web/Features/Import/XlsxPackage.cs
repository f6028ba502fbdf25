using System.Buffers.Binary;
using System.IO.Compression;
using InterviewPortal.Web.Infrastructure.Localization;

namespace InterviewPortal.Web.Features.Import;

/// <summary>
/// The zip of an .xlsx, opened only as far as the import needs: the first worksheet and the shared strings, found
/// through the package's relationships. Every part is read through <see cref="XlsxXml"/>, so no claim of the file
/// (entry count, sizes, nesting) can make reading it cost more than <see cref="ImportLimits"/> allows.
/// </summary>
public sealed class XlsxPackage : IDisposable
{
    private const string RelationshipsFolder = "_rels/";
    private readonly ZipArchive zip;
    private readonly Dictionary<string, ZipArchiveEntry> entries;

    private XlsxPackage(ZipArchive zip)
    {
        this.zip = zip;
        entries = new Dictionary<string, ZipArchiveEntry>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in zip.Entries)
            entries.TryAdd(entry.FullName.TrimStart('/'), entry);
    }

    /// <summary>Opens the zip after checking the entry count its end record declares (ZipArchive reads them all at once).</summary>
    public static XlsxPackage Open(byte[] content)
    {
        if (DeclaredEntries(content) > ImportLimits.MaxZipEntries)
            throw ImportLimits.TooLarge(Texts.Get("Import.TheZipHoldsMoreThanEntries", ImportLimits.MaxZipEntries));
        return new XlsxPackage(new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read));
    }

    public bool IsSpreadsheet => entries.ContainsKey("[Content_Types].xml") && entries.Keys.Any(k => k.StartsWith("xl/", StringComparison.OrdinalIgnoreCase));

    public bool Has(string path) => entries.ContainsKey(path);

    /// <summary>The part at <paramref name="path"/> as a guarded XML reader.</summary>
    public XlsxXml Read(string path)
    {
        var entry = entries[path];
        if (entry.Length > ImportLimits.MaxPartBytes)
            throw ImportLimits.TooLarge(Texts.Get("Import.APartOfTheWorkbookIs", ImportLimits.MaxPartBytes / 1024 / 1024));
        if (entry.Length > 1024 * 1024 && entry.Length > (long)ImportLimits.MaxCompressionRatio * Math.Max(entry.CompressedLength, 1))
            throw ImportLimits.TooLarge(Texts.Get("Import.TheWorkbookCompressesFarMoreThan"));
        return new XlsxXml(new BoundedXmlStream(entry.Open(), entry.Length));
    }

    /// <summary>The target of each relationship of the part at <paramref name="path"/>, by id, with its type, resolved to a zip path.</summary>
    public Dictionary<string, (string Type, string Path)> Relationships(string path)
    {
        var folder = path.Contains('/', StringComparison.Ordinal) ? path[..(path.LastIndexOf('/') + 1)] : "";
        var relsPath = folder + RelationshipsFolder + path[folder.Length..] + ".rels";
        var found = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        if (!Has(relsPath))
            return found;
        using var xml = Read(relsPath);
        while (xml.Read())
        {
            if (!xml.IsElement("Relationship") || xml.Attribute("Id") is not { } id || xml.Attribute("Target") is not { } target)
                continue;
            if (!string.Equals(xml.Attribute("TargetMode"), "External", StringComparison.OrdinalIgnoreCase))
                found.TryAdd(id, (xml.Attribute("Type") ?? "", Resolve(folder, target)));
        }
        return found;
    }

    /// <summary>A relationship target relative to the source part's folder ("worksheets/sheet1.xml", "../x.xml") or absolute ("/xl/...").</summary>
    private static string Resolve(string folder, string target)
    {
        var segments = new List<string>();
        foreach (var segment in ((target.StartsWith('/') ? "" : folder) + target).Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (segment == "..")
            {
                if (segments.Count > 0)
                    segments.RemoveAt(segments.Count - 1);
            }
            else if (segment != ".")
                segments.Add(segment);
        }
        return string.Join('/', segments);
    }

    /// <summary>The total entry count in the end-of-central-directory record; ZIP64 (0xFFFF) counts as too many.</summary>
    private static int DeclaredEntries(byte[] content)
    {
        const int recordSize = 22;
        var start = Math.Max(0, content.Length - recordSize - ushort.MaxValue);
        for (var i = content.Length - recordSize; i >= start; i--)
            if (content[i] == 'P' && content[i + 1] == 'K' && content[i + 2] == 5 && content[i + 3] == 6)
                return BinaryPrimitives.ReadUInt16LittleEndian(content.AsSpan(i + 10)) is var count and not ushort.MaxValue ? count : int.MaxValue;
        return 0; // no end record: ZipArchive refuses the file itself
    }

    public void Dispose() => zip.Dispose();
}
