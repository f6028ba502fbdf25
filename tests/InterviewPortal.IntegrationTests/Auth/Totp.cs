using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;

namespace InterviewPortal.IntegrationTests.Auth;

/// <summary>An authenticator app in a few lines (RFC 6238: HMAC-SHA1 over the 30-second step, 6 digits), written from the RFC, not Identity.</summary>
public static class Totp
{
    public static string Code(string sharedKey, DateTimeOffset at)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, at.ToUnixTimeSeconds() / 30);
#pragma warning disable CA5350 // RFC 6238 as authenticator apps run it is HMAC-SHA1; the test plays such an app.
        var hash = HMACSHA1.HashData(Base32(sharedKey), counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var value = (hash[offset] & 0x7f) << 24 | hash[offset + 1] << 16 | hash[offset + 2] << 8 | hash[offset + 3];
        return (value % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
    }

    /// <summary>Three codes the server accepts now whatever the clock's step boundary: the previous, current and next step.</summary>
    public static string[] Window(string sharedKey) =>
        [Code(sharedKey, DateTimeOffset.UtcNow.AddSeconds(-30)), Code(sharedKey, DateTimeOffset.UtcNow), Code(sharedKey, DateTimeOffset.UtcNow.AddSeconds(30))];

    private static byte[] Base32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var clean = text.Replace(" ", "", StringComparison.Ordinal).TrimEnd('=').ToUpperInvariant();
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in clean)
        {
            buffer = buffer << 5 | alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        return [.. bytes];
    }
}
