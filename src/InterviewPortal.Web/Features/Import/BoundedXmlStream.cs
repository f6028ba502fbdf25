using InterviewPortal.Web.Infrastructure.Localization;


namespace InterviewPortal.Web.Features.Import;

/// <summary>
/// The decompressed bytes of one workbook part on their way to the XML parser, counted as they really come out of
/// the zip: the size a zip declares can lie, so the part is refused once the bytes read pass the declared size or the
/// cap. It also measures each tag (from &lt;, quotes respected, to &gt;) and each run of text between tags: the parser
/// buffers a token whole, so one over <see cref="ImportLimits.MaxXmlTokenBytes"/> is refused before it is buffered.
/// </summary>
public sealed class BoundedXmlStream(Stream inner, long declaredBytes) : Stream
{
    private readonly long limit = Math.Min(declaredBytes, ImportLimits.MaxPartBytes);
    private long total;
    private int token;
    private bool inTag;
    private byte quote;

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        total += read;
        if (total > limit)
            throw total > ImportLimits.MaxPartBytes
                ? ImportLimits.TooLarge(Texts.Get("Import.APartOfTheWorkbookIs", ImportLimits.MaxPartBytes / 1024 / 1024))
                : ImportLimits.Malformed(Texts.Get("Import.TheWorkbookIsDamagedAPart"));
        Scan(buffer[..read]);
        return read;
    }

    private void Scan(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            if (inTag)
            {
                if (quote != 0)
                {
                    if (b == quote)
                        quote = 0;
                }
                else if (b is (byte)'"' or (byte)'\'')
                    quote = b;
                else if (b == '>')
                {
                    inTag = false;
                    token = 0;
                    continue;
                }
            }
            else if (b == '<')
            {
                inTag = true;
                token = 0;
            }
            if (++token > ImportLimits.MaxXmlTokenBytes)
                throw ImportLimits.TooLarge(Texts.Get("Import.TheWorkbookHoldsAnXMLTag"));
        }
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => total; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            inner.Dispose();
        base.Dispose(disposing);
    }
}
