using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace InterviewPortal.IntegrationTests.Import;

/// <summary>
/// Hand-made .xlsx zips for the reader's limits: the parts a workbook needs, with the sheet and the shared strings
/// written by the test, streamed into the zip so a part of hundreds of megabytes never sits in the test's memory.
/// </summary>
public static class RawWorkbook
{
    public const string SheetPath = "xl/worksheets/sheet1.xml";
    public const string SharedStringsPath = "xl/sharedStrings.xml";

    public static byte[] Build(Action<TextWriter> sheetData, Action<TextWriter>? sharedStrings = null)
    {
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            Part(archive, "[Content_Types].xml", w => w.Write(
                """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"""));
            Part(archive, "_rels/.rels", w => w.Write(
                """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"""));
            Part(archive, "xl/workbook.xml", w => w.Write(
                """<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="考生" sheetId="1" r:id="rId1"/></sheets></workbook>"""));
            Part(archive, "xl/_rels/workbook.xml.rels", w => w.Write(
                """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="/xl/sharedStrings.xml"/></Relationships>"""));
            Part(archive, SheetPath, w =>
            {
                w.Write("""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>""");
                sheetData(w);
                w.Write("</sheetData></worksheet>");
            });
            if (sharedStrings is not null)
                Part(archive, SharedStringsPath, w =>
                {
                    w.Write("""<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">""");
                    sharedStrings(w);
                    w.Write("</sst>");
                });
        }
        return zip.ToArray();
    }

    /// <summary>A sheet of the given rows of inline-string cells, each cell as (reference, text).</summary>
    public static byte[] Inline(params (string Reference, string Text)[][] rows) => Build(w =>
    {
        foreach (var row in rows)
        {
            w.Write("<row>");
            foreach (var (reference, text) in row)
                w.Write($"""<c r="{reference}" t="inlineStr"><is><t>{text}</t></is></c>""");
            w.Write("</row>");
        }
    });

    /// <summary>Rewrites the uncompressed size an entry declares, in its local header and in the central directory.</summary>
    public static byte[] DeclareSize(byte[] zip, string entryName, uint declared)
    {
        var copy = (byte[])zip.Clone();
        var name = Encoding.UTF8.GetBytes(entryName);
        for (var i = 0; i + 46 < copy.Length; i++)
        {
            var signature = BinaryPrimitives.ReadUInt32LittleEndian(copy.AsSpan(i));
            var (sizeAt, nameAt) = signature switch { 0x04034b50 => (22, 30), 0x02014b50 => (24, 46), _ => (-1, -1) };
            if (sizeAt < 0 || BinaryPrimitives.ReadUInt16LittleEndian(copy.AsSpan(i + nameAt - (signature == 0x04034b50 ? 4 : 18))) != name.Length
                || !copy.AsSpan(i + nameAt, Math.Min(name.Length, copy.Length - i - nameAt)).SequenceEqual(name))
                continue;
            BinaryPrimitives.WriteUInt32LittleEndian(copy.AsSpan(i + sizeAt), declared);
        }
        return copy;
    }

    private static void Part(ZipArchive archive, string name, Action<TextWriter> write)
    {
        using var writer = new StreamWriter(archive.CreateEntry(name, CompressionLevel.Optimal).Open(), new UTF8Encoding(false), 1 << 16);
        write(writer);
    }
}
