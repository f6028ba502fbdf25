using System.Text;

namespace InterviewPortal.Web.Infrastructure.Validation;

/// <summary>
/// The one check for a caller-supplied address to go back to (the culture switch, staff and candidate sign-in).
/// Only a path on this site is followed: not another host (<c>//evil</c>, <c>/\evil</c>, <c>https://…</c>), and
/// nothing the Location header cannot carry: Kestrel throws on a control character there (a 500 for a request that
/// was merely odd), so one (C0, DEL, C1, or a Unicode line or paragraph separator) or an absurd length means the
/// fallback. Other non-ASCII text is percent-encoded as UTF-8, as a browser would have sent it.
/// </summary>
public static class LocalReturnUrl
{
    /// <summary>Longer than any address the portal itself links to; browsers and proxies cap URLs not far above.</summary>
    public const int MaxLength = 1000;

    /// <summary>The query parameter pages and the culture switch read it from.</summary>
    public const string QueryName = "returnUrl";

    public static string Or(string? url, string fallback) => IsSafeLocal(url) ? Encode(url!) : fallback;

    public static bool IsSafeLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url.Length <= MaxLength
        && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(IsForbidden);

    private static bool IsForbidden(char c) => char.IsControl(c) || c is '\u2028' or '\u2029';

    private static string Encode(string url)
    {
        if (url.All(char.IsAscii) && !url.Contains(' ', StringComparison.Ordinal))
            return url;
        var builder = new StringBuilder(url.Length * 3);
        // A lone surrogate becomes U+FFFD's bytes (the encoder's replacement), never an exception.
        foreach (var b in Encoding.UTF8.GetBytes(url))
        {
            if (b < 0x80 && b != (byte)' ')
                builder.Append((char)b);
            else
                builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }
        return builder.ToString();
    }
}
