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
        Texts.Get("Candidates.ThisIDNumberCannotBeUsed");

    /// <summary>As <see cref="UnusableIdNumber"/>, for a mobile number.</summary>
    public static string UnusablePhone() =>
        Texts.Get("Candidates.ThisMobileNumberCannotBeUsed");

    public static string? CheckExamNumber(string? value) =>
        (value = value?.Trim()) is null || value.Length == 0 ? Texts.Get("Candidates.TheExamNumberIsRequired")
        : value.Length == 15 && value.All(char.IsAsciiDigit) ? null
        : Texts.Get("Candidates.TheExamNumberMustBe15");

    public static string? CheckPhone(string? value) =>
        Phone.Normalize(value).Length == 0 ? Texts.Get("Candidates.TheMobileNumberIsRequired")
        : Phone.IsValid(value) ? null
        : "手机号必须是11位大陆手机号（1[3-9]开头）/ The mobile number must be an 11-digit mainland number starting 13–19.";

    /// <summary>A candidate's name as the form and the import take it: required, at most 50 characters once trimmed (the column's size).</summary>
    public static string? CheckName(string? value) =>
        (value = value?.Trim()) is null || value.Length == 0 ? Texts.Get("Candidates.TheNameIsRequired")
        : value.Length > 50 ? Texts.Get("Candidates.TheNameHasAtMost50")
        : null;

    /// <summary>Null when the (normalized) value is a valid 18-character GB 11643 number; else the reason.</summary>
    public static string? CheckIdNumber(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return Texts.Get("Candidates.TheIDNumberIsRequired");
        var id = NormalizeIdNumber(value);
        if (id.Length != 18)
            return Texts.Get("Candidates.TheIDNumberMustHave18", id.Length);
        if (!id.AsSpan(0, 17).ContainsOnlyDigits() || !(char.IsAsciiDigit(id[17]) || id[17] == 'X'))
            return Texts.Get("Candidates.TheIDNumberIs17Digits");
        if (!DateOnly.TryParseExact(id.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth)
            || birth.Year < 1900 || birth > DateOnly.FromDateTime(DateTime.UtcNow))
            return Texts.Get("Candidates.TheDateOfBirthInThe");
        if (CheckDigit(id.AsSpan(0, 17)) != id[17])
            return Texts.Get("Candidates.TheIDNumberSCheckDigit");
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
