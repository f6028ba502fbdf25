using InterviewPortal.Web.Features.Shared;
using InterviewPortal.Web.Infrastructure.Localization;
using SkiaSharp;

namespace InterviewPortal.Web.Features.Verifications;

/// <summary>The outcome of judging an upload: a fresh JPEG, or the kind of refusal (Invalid, TooLarge, UnsupportedMediaType) and its reason.</summary>
public sealed record SanitizedPhoto(byte[]? Jpeg, OutcomeKind Kind, string? Error, int Width = 0, int Height = 0)
{
    public static SanitizedPhoto Refuse(OutcomeKind kind, string error) => new(null, kind, error);

    /// <summary>The refusal for an upload in <paramref name="field"/>: a bad picture is that field's error, a too large or foreign file its own status.</summary>
    public Refusal RefusalFor(string field) => Kind == OutcomeKind.Invalid ? Outcome.Invalid(field, Error!) : new Refusal(Kind, Error, null);
}

/// <summary>
/// Judges an uploaded ID photo by decoding it, never by its name or declared type: only JPEG and PNG,
/// the pixel count checked from the header before a single pixel is decoded (decompression bombs),
/// then drawn upright (EXIF orientation) onto a new canvas and encoded as a new JPEG, so EXIF, GPS
/// and every other embedded chunk of the original is left behind.
/// </summary>
public sealed class PhotoSanitizer
{
    public const long MaxBytes = 8 * 1024 * 1024;
    public const long MaxPixels = 40_000_000;
    public const int MinSide = 64;

    /// <summary>Longest side of the stored photo: plenty to read an ID card, and bounds the store.</summary>
    public const int MaxStoredSide = 4096;

    // A 40-megapixel decode takes ~160 MB; two at a time keeps a burst of uploads from exhausting memory.
    private static readonly SemaphoreSlim Decoders = new(2, 2);

    public async Task<SanitizedPhoto> SanitizeAsync(byte[] upload, CancellationToken ct)
    {
        if (upload.Length == 0)
            return SanitizedPhoto.Refuse(OutcomeKind.Invalid, Texts.Get("Verifications.ThePhotoIsEmpty"));
        if (upload.Length > MaxBytes)
            return SanitizedPhoto.Refuse(OutcomeKind.TooLarge, Texts.Get("Verifications.ThePhotoIsLargerThan8"));

        using var codec = SKCodec.Create(new SKMemoryStream(upload), out _);
        if (codec is null || codec.EncodedFormat is not (SKEncodedImageFormat.Jpeg or SKEncodedImageFormat.Png))
            return SanitizedPhoto.Refuse(OutcomeKind.UnsupportedMediaType, Texts.Get("Verifications.ThePhotoMustBeAJPEG"));
        var info = codec.Info;
        if ((long)info.Width * info.Height > MaxPixels)
            return SanitizedPhoto.Refuse(OutcomeKind.Invalid, Texts.Get("Verifications.ThePhotoIsPixelsAtMost", info.Width, info.Height, MaxPixels / 1_000_000));
        if (info.Width < MinSide || info.Height < MinSide)
            return SanitizedPhoto.Refuse(OutcomeKind.Invalid, Texts.Get("Verifications.ThePhotoIsOnlyPixelsAn", info.Width, info.Height));

        await Decoders.WaitAsync(ct);
        try
        {
            return Reencode(codec);
        }
        finally
        {
            Decoders.Release();
        }
    }

    private static SanitizedPhoto Reencode(SKCodec codec)
    {
        var source = codec.Info.WithColorType(SKColorType.Rgba8888).WithAlphaType(SKAlphaType.Premul);
        using var bitmap = new SKBitmap(source);
        var result = codec.GetPixels(source, bitmap.GetPixels());
        if (result != SKCodecResult.Success)
            return SanitizedPhoto.Refuse(OutcomeKind.Invalid, Texts.Get("Verifications.ThePhotoCouldNotBeDecoded"));

        var (w, h) = (source.Width, source.Height);
        var transposed = codec.EncodedOrigin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop
            or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var (uprightW, uprightH) = transposed ? (h, w) : (w, h);
        var scale = Math.Min(1f, (float)MaxStoredSide / Math.Max(uprightW, uprightH));
        var (outW, outH) = (Math.Max(1, (int)(uprightW * scale)), Math.Max(1, (int)(uprightH * scale)));

        using var surface = SKSurface.Create(new SKImageInfo(outW, outH, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White); // transparent PNG areas become white, not black, in the JPEG
        canvas.Scale(scale);
        canvas.Concat(Orientation(codec.EncodedOrigin, w, h));
        using (var image = SKImage.FromBitmap(bitmap))
            canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.None));
        canvas.Flush();

        using var snapshot = surface.Snapshot();
        using var jpeg = snapshot.Encode(SKEncodedImageFormat.Jpeg, 90);
        return jpeg is null
            ? SanitizedPhoto.Refuse(OutcomeKind.Invalid, Texts.Get("Verifications.ThePhotoCouldNotBeRe"))
            : new SanitizedPhoto(jpeg.ToArray(), OutcomeKind.Success, null, outW, outH);
    }

    /// <summary>Maps source pixels to the upright picture for each EXIF orientation (w, h: the stored size).</summary>
    private static SKMatrix Orientation(SKEncodedOrigin origin, int w, int h) => origin switch
    {
        SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),
        SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),
        SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),
        SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightTop => new SKMatrix(0, -1, h, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, h, -1, 0, w, 0, 0, 1),
        SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, w, 0, 0, 1),
        _ => SKMatrix.Identity,
    };
}
