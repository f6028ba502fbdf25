using System.Buffers.Binary;
using System.Text;
using SkiaSharp;

namespace InterviewPortal.IntegrationTests.Verifications;

/// <summary>Images built byte by byte for the upload tests: a real photo with metadata, and the bad files.</summary>
public static class TestPhotos
{
    public const string SecretMarker = "GPS-SECRET-31.2304N";

    /// <summary>A plain JPEG of the given size (landscape by default).</summary>
    public static byte[] Jpeg(int width = 200, int height = 100)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.SkyBlue);
            using var paint = new SKPaint { Color = SKColors.DarkRed };
            canvas.DrawRect(0, 0, width / 4f, height / 4f, paint);
        }
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 85);
        return data.ToArray();
    }

    public static byte[] Png(int width = 120, int height = 90)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(SKColors.Orange);
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>
    /// A 200×100 JPEG carrying an EXIF APP1 segment (orientation 6 = rotate 90° clockwise, and a GPS IFD)
    /// and a comment segment with a marker, both right after the SOI marker, as a phone camera writes them.
    /// </summary>
    public static byte[] JpegWithExifAndGps()
    {
        var jpeg = Jpeg();
        var tiff = new List<byte>();
        tiff.AddRange("MM"u8.ToArray());
        tiff.AddRange(U16(42));
        tiff.AddRange(U32(8));
        // IFD0 at 8: orientation, GPS IFD pointer (sorted by tag); 2 + 2*12 + 4 = 30 bytes, so the GPS IFD is at 38.
        tiff.AddRange(U16(2));
        tiff.AddRange([.. U16(0x0112), .. U16(3), .. U32(1), .. U16(6), 0, 0]);
        tiff.AddRange([.. U16(0x8825), .. U16(4), .. U32(1), .. U32(38)]);
        tiff.AddRange(U32(0));
        // GPS IFD: GPSLatitudeRef = "N".
        tiff.AddRange(U16(1));
        tiff.AddRange([.. U16(0x0001), .. U16(2), .. U32(2), (byte)'N', 0, 0, 0]);
        tiff.AddRange(U32(0));

        var app1 = Segment(0xE1, [.. "Exif\0\0"u8.ToArray(), .. tiff]);
        var comment = Segment(0xFE, Encoding.ASCII.GetBytes(SecretMarker));
        return [.. jpeg[..2], .. app1, .. comment, .. jpeg[2..]];
    }

    /// <summary>A valid PNG header declaring 60000×60000 RGB pixels (a decompression bomb), with a tiny IDAT and IEND.</summary>
    public static byte[] PngBomb()
    {
        var ihdr = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(ihdr, 60000);
        BinaryPrimitives.WriteUInt32BigEndian(ihdr.AsSpan(4), 60000);
        ihdr[8] = 8; // bit depth
        ihdr[9] = 2; // truecolour
        byte[] idat = [0x78, 0x9C, 0x63, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01];
        return [.. new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, .. Chunk("IHDR", ihdr), .. Chunk("IDAT", idat), .. Chunk("IEND", [])];
    }

    public static byte[] Svg() => Encoding.UTF8.GetBytes(
        "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"200\" height=\"100\"><script>alert(1)</script><rect width=\"200\" height=\"100\"/></svg>");

    public static byte[] TextPosingAsImage() => Encoding.UTF8.GetBytes("This is not a photo of an ID card, only text named photo.jpg.");

    /// <summary>Starts like a JPEG but is one byte over the 8 MB limit.</summary>
    public static byte[] OverEightMegabytes()
    {
        var bytes = new byte[8 * 1024 * 1024 + 1];
        var jpeg = Jpeg();
        jpeg.CopyTo(bytes, 0);
        return bytes;
    }

    public static bool Contains(byte[] haystack, string needle) => haystack.AsSpan().IndexOf(Encoding.ASCII.GetBytes(needle)) >= 0;

    private static byte[] Segment(byte marker, byte[] payload) => [0xFF, marker, .. U16(payload.Length + 2), .. payload];

    private static byte[] Chunk(string type, byte[] data)
    {
        byte[] typeAndData = [.. Encoding.ASCII.GetBytes(type), .. data];
        return [.. U32((uint)data.Length), .. typeAndData, .. U32(Crc32(typeAndData))];
    }

    private static byte[] U16(int value)
    {
        var b = new byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(b, (ushort)value);
        return b;
    }

    private static byte[] U32(uint value)
    {
        var b = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(b, value);
        return b;
    }

    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }
}
