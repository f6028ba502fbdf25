using System.Security.Cryptography;
using System.Text.RegularExpressions;
using InterviewPortal.Data.Notifications;
using InterviewPortal.Web.Features.Notifications;
using InterviewPortal.Web.Infrastructure.WeLink;
using Microsoft.AspNetCore.DataProtection;

namespace InterviewPortal.Web.Features.CandidateAuth;

/// <summary>
/// The sign-in code's message in the Notifications outbox. The code must reach the sender, but must not lie readable
/// in the database (ASVS 2.7.5): the staged text is sealed with Data Protection, time-limited to the code's own
/// lifetime, and once the row is sent or given up its text is replaced by the same words with the code blanked out.
/// </summary>
public sealed partial class SignInCodeMessage(IDataProtectionProvider protection)
{
    public const string Kind = "SignInCode";
    public const string Title = "研究生远程复试平台 登录验证码 / Sign-in code";
    private const string Blank = "••••••";

    private readonly ITimeLimitedDataProtector sealer =
        protection.CreateProtector("InterviewPortal.CandidateAuth.SignInCodeMessage.v1").ToTimeLimitedDataProtector();

    /// <summary>The message for one code, sealed, for <see cref="CandidateOutbox"/>; its key is the code's, so one code is sent once.</summary>
    public StagedMessage Seal(string phone, int candidateId, string code, Guid codeKey, DateTime now, TimeSpan lifetime) =>
        new(NoticeTemplates.SignInCode, $"{NoticeTemplates.SignInCode}:{codeKey:N}", candidateId, phone, now)
        {
            Title = Title,
            Text = sealer.Protect(Compose(code, lifetime), now + lifetime),
        };

    /// <summary>The message to hand the gateway, or null when the seal has expired (the code is dead anyway).</summary>
    public CandidateMessage? Open(Notification row)
    {
        try
        {
            return new CandidateMessage(row.Recipient, row.Title ?? Title, sealer.Unprotect(row.Text ?? ""), Kind);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    /// <summary>What the row keeps once sent or given up: the words with the code blanked out.</summary>
    public static string Redacted(string text) => SixDigits().Replace(text, Blank);

    private static string Compose(string code, TimeSpan lifetime)
    {
        var minutes = Math.Max(1, (int)lifetime.TotalMinutes);
        return $"验证码 {code}，{minutes} 分钟内有效，仅可使用一次，请勿告诉他人。Your code is {code}; it works once within {minutes} minutes. Do not share it.";
    }

    [GeneratedRegex(@"(?<!\d)\d{6}(?!\d)")]
    private static partial Regex SixDigits();
}
