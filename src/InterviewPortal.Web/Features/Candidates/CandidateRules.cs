using System.Globalization;
using FluentValidation;
using InterviewPortal.Web.Infrastructure.Localization;
using Phone = InterviewPortal.Web.Features.Candidates.MobilePhone;

namespace InterviewPortal.Web.Features.Candidates;

/// <summary>
/// The format rules for a candidate's numbers, shared by the candidate form, the API and the import:
/// 15-digit exam number, GB 11643 resident ID number, 11-digit mainland mobile.
/// </summary>
public static class CandidateRules
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckChars = "10X98765432";

    /// <summary>Trims and upper-cases the check digit (a lower-case x is common in hand-typed data).</summary>
    public static string NormalizeIdNumber(string? value) => (value ?? "").Trim().ToUpperInvariant();

    /// <summary>
    /// The answer when an ID number is taken by a candidate the caller cannot see (another college's): it names no one
    /// and no college, and the form and the import use the same words, so a clash tells a secretary nothing about
    /// another college's applicants beyond what uniqueness itself must (that the number cannot be used).
    /// </summary>
    public static string UnusableIdNumber() =>
        Lang.T("此证件号码无法使用，请联系研究生院", "This ID number cannot be used; contact the graduate school.");

    /// <summary>As <see cref="UnusableIdNumber"/>, for a mobile number.</summary>
    public static string UnusablePhone() =>
        Lang.T("此手机号无法使用，请联系研究生院", "This mobile number cannot be used; contact the graduate school.");

    public static string? CheckExamNumber(string? value) =>
        (value = value?.Trim()) is null || value.Length == 0 ? Lang.T("考生编号不能为空", "The exam number is required.")
        : value.Length == 15 && value.All(char.IsAsciiDigit) ? null
        : Lang.T("考生编号必须是15位数字", "The exam number must be 15 digits.");

    public static string? CheckPhone(string? value) =>
        Phone.Normalize(value).Length == 0 ? Lang.T("手机号不能为空", "The mobile number is required.")
        : Phone.IsValid(value) ? null
        : "手机号必须是11位大陆手机号（1[3-9]开头）/ The mobile number must be an 11-digit mainland number starting 13–19.";

    /// <summary>A candidate's name as the form and the import take it: required, at most 50 characters once trimmed (the column's size).</summary>
    public static string? CheckName(string? value) =>
        (value = value?.Trim()) is null || value.Length == 0 ? Lang.T("姓名不能为空", "The name is required.")
        : value.Length > 50 ? Lang.T("姓名最多50个字符", "The name has at most 50 characters.")
        : null;

    /// <summary>Null when the (normalized) value is a valid 18-character GB 11643 number; else the reason.</summary>
    public static string? CheckIdNumber(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return Lang.T("证件号码不能为空", "The ID number is required.");
        var id = NormalizeIdNumber(value);
        if (id.Length != 18)
            return Lang.T($"证件号码必须是18位，现为{id.Length}位", $"The ID number must have 18 characters, not {id.Length}.");
        if (!id.AsSpan(0, 17).ContainsOnlyDigits() || !(char.IsAsciiDigit(id[17]) || id[17] == 'X'))
            return Lang.T("证件号码前17位必须是数字，最后一位是数字或X", "The ID number is 17 digits and a digit or X.");
        if (!DateOnly.TryParseExact(id.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth)
            || birth.Year < 1900 || birth > DateOnly.FromDateTime(DateTime.UtcNow))
            return Lang.T("证件号码中的出生日期无效", "The date of birth in the ID number is not a real date.");
        if (CheckDigit(id.AsSpan(0, 17)) != id[17])
            return Lang.T("证件号码校验位错误", "The ID number's check digit is wrong.");
        return null;
    }

    public static char CheckDigit(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
            sum += (first17[i] - '0') * Weights[i];
        return CheckChars[sum % 11];
    }

    private static bool ContainsOnlyDigits(this ReadOnlySpan<char> span)
    {
        foreach (var c in span)
            if (!char.IsAsciiDigit(c))
                return false;
        return true;
    }

    public static void ExamNumber<T>(this IRuleBuilder<T, string?> rule) => rule.Check(CheckExamNumber);
    public static void IdNumber<T>(this IRuleBuilder<T, string?> rule) => rule.Check(CheckIdNumber);
    public static void PersonName<T>(this IRuleBuilder<T, string?> rule) => rule.Check(CheckName);
    public static void MobilePhone<T>(this IRuleBuilder<T, string?> rule) => rule.Check(CheckPhone);

    private static void Check<T>(this IRuleBuilder<T, string?> rule, Func<string?, string?> check) =>
        rule.Custom((value, ctx) =>
        {
            if (check(value) is { } message)
                ctx.AddFailure(message);
        });
}
