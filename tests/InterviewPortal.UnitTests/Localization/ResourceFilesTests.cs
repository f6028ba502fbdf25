using System.Globalization;
using System.Text.RegularExpressions;
using InterviewPortal.Data.Interviews;
using InterviewPortal.Data.Requests;
using InterviewPortal.Data.Staff;
using InterviewPortal.Data.Verifications;
using InterviewPortal.Web.Features.Me;
using InterviewPortal.Web.Infrastructure.Localization;

namespace InterviewPortal.UnitTests.Localization;

/// <summary>
/// Every text is in both languages: each key of one resource file is in the other with a value, with the same
/// placeholders; every key the code asks for exists; no Lang.T pair is left for the converter; each enum word exists.
/// </summary>
public sealed partial class ResourceFilesTests
{
    private static readonly Dictionary<string, string> Chinese = ResourceFiles.Read(Lang.Chinese);
    private static readonly Dictionary<string, string> English = ResourceFiles.Read(Lang.English);

    [Fact]
    public void Each_key_has_a_value_in_both_languages_with_the_same_placeholders()
    {
        Assert.True(Chinese.Count > 500, $"only {Chinese.Count} keys in the zh-CN file");
        var problems = new List<string>();
        foreach (var key in Chinese.Keys.Union(English.Keys).Order(StringComparer.Ordinal))
        {
            var zh = Chinese.GetValueOrDefault(key);
            var en = English.GetValueOrDefault(key);
            if (string.IsNullOrWhiteSpace(zh))
                problems.Add($"{key}: no zh-CN text");
            if (string.IsNullOrWhiteSpace(en))
                problems.Add($"{key}: no en-US text");
            if (zh is not null && en is not null && !Placeholders(zh).SetEquals(Placeholders(en)))
                problems.Add($"{key}: placeholders differ ({zh} | {en})");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Every_key_the_code_asks_for_exists_and_no_lang_pair_is_left_unconverted()
    {
        var problems = new List<string>();
        var used = 0;
        foreach (var file in ResourceFiles.Sources())
        {
            var text = File.ReadAllText(file);
            var name = Path.GetRelativePath(ResourceFiles.Root, file);
            foreach (Match use in KeyUse().Matches(text))
            {
                used++;
                if (!Chinese.ContainsKey(use.Groups["key"].Value))
                    problems.Add($"{name}: {use.Groups["key"].Value} is in no resource file");
            }
            if (LangPair().IsMatch(text))
                problems.Add($"{name}: a Lang.T(\"…\", \"…\") pair is left: run python3 scripts/l10n-convert.py");
        }
        Assert.True(used > 600, $"only {used} uses of a key found: the scan no longer sees them");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Theory]
    [InlineData(Lang.Chinese)]
    [InlineData(Lang.English)]
    public void The_compiled_resources_answer_in_each_language(string culture)
    {
        var expected = culture == Lang.Chinese ? Chinese : English;
        var saved = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            var missing = expected.Keys.Where(k => Texts.Shared[k].ResourceNotFound || Texts.Get(k) != expected[k]).ToList();
            Assert.True(missing.Count == 0, $"{missing.Count} keys not answered as in the file, e.g. {string.Join(", ", missing.Take(5))}");
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }
    }

    [Theory]
    [InlineData(Lang.Chinese)]
    [InlineData(Lang.English)]
    public void Every_enum_value_a_page_shows_has_its_own_words(string culture)
    {
        var saved = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            var words = Enum.GetValues<InterviewStatus>().SelectMany(s => new[] { (s.ToString(), InterviewWords.Stage(s)), (s.ToString(), InterviewWords.Status(s)) })
                .Concat(Enum.GetValues<VerificationStatus>().Select(s => (s.ToString(), InterviewWords.Verification(s))))
                .Concat(Enum.GetValues<RequestStatus>().Select(s => (s.ToString(), InterviewWords.Request(s))))
                .Concat(InterviewWords.Roles.Select(r => (r, InterviewWords.Role(r))))
                .Concat(Enum.GetValues<InterviewKind>().Select(k => (k.ToString(), InterviewWords.Kind(k))));
            // A missing key comes back as the key ("InterviewStatus.X"), a missing case as the member's name.
            var bad = words.Where(w => string.IsNullOrWhiteSpace(w.Item2) || (w.Item2.Contains('.') && w.Item2.Contains(w.Item1))
                || (culture == Lang.Chinese && w.Item2.Contains(w.Item1, StringComparison.Ordinal))).ToList();
            Assert.True(bad.Count == 0, string.Join(", ", bad.Select(b => $"{b.Item1} → {b.Item2}")));
            Assert.Equal(StaffRoles.Admin, InterviewWords.Roles[^1]);
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }
    }

    private static HashSet<string> Placeholders(string text) =>
        [.. Placeholder().Matches(text.Replace("{{", "", StringComparison.Ordinal).Replace("}}", "", StringComparison.Ordinal)).Select(m => m.Value)];

    [GeneratedRegex(@"\{\d+(,[^}:]*)?(:[^}]*)?\}")]
    private static partial Regex Placeholder();

    /// <summary>T["Key"…] in a view, Texts.Get("Key"…) in code.</summary>
    [GeneratedRegex(@"(?:\bT\[|\bTexts\.Get\()""(?<key>[^""]+)""")]
    private static partial Regex KeyUse();

    [GeneratedRegex(@"\bLang\.T\(\s*\$?@?""")]
    private static partial Regex LangPair();
}
