using System.Text.RegularExpressions;

namespace InterviewPortal.Web.Infrastructure.Privacy;

/// <summary>Masks ID-card and mobile numbers for lists and logs: 5101**********123X, 138****5678.</summary>
public static partial class PersonalData
{
    public static string MaskIdNumber(string? idNumber) =>
        string.IsNullOrEmpty(idNumber) || idNumber.Length < 8
            ? "****"
            : string.Concat(idNumber.AsSpan(0, 4), new string('*', idNumber.Length - 8), idNumber.AsSpan(idNumber.Length - 4));

    public static string MaskPhone(string? phone) =>
        string.IsNullOrEmpty(phone) || phone.Length < 7
            ? "****"
            : string.Concat(phone.AsSpan(0, 3), new string('*', phone.Length - 7), phone.AsSpan(phone.Length - 4));

    /// <summary>Masks every ID number and mobile number found anywhere in free text (log messages, paths, query strings).</summary>
    public static string MaskText(string text)
    {
        if (string.IsNullOrEmpty(text) || !ContainsDigitRun(text))
            return text;
        text = IdNumberPattern().Replace(text, m => MaskIdNumber(m.Value));
        return PhonePattern().Replace(text, m => m.Groups["prefix"].Value + MaskPhone(m.Groups["phone"].Value));
    }

    private static bool ContainsDigitRun(string text)
    {
        var run = 0;
        foreach (var c in text)
        {
            run = char.IsAsciiDigit(c) ? run + 1 : 0;
            if (run >= 11)
                return true;
        }
        return false;
    }

    // 18-character resident ID numbers not embedded in a longer digit run (exam numbers are 15 digits and stay).
    [GeneratedRegex(@"(?<![0-9])[1-9][0-9]{16}[0-9Xx](?![0-9Xx])")]
    private static partial Regex IdNumberPattern();

    // Mainland mobile numbers, optionally with +86/86 before them, not inside a longer digit run.
    [GeneratedRegex(@"(?<![0-9])(?<prefix>\+?86)?(?<phone>1[3-9][0-9]{9})(?![0-9])")]
    private static partial Regex PhonePattern();
}
