using System.Globalization;
using System.Resources;
using InterviewPortal.Web.Infrastructure.Localization;
using InterviewPortal.Web.Resources;

namespace InterviewPortal.UnitTests.Localization;

/// <summary>
/// The portal's localizer reads the .resx files into tables (Infrastructure/Localization/SharedTextTable): it must give
/// exactly what the framework's resource manager gives for every key and culture, fallback included.
/// </summary>
public sealed class SharedTextTableTests
{
    private static readonly ResourceManager Framework = new(typeof(SharedResource));

    private static T InCulture<T>(string culture, Func<T> read)
    {
        var (ui, current) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            return read();
        }
        finally
        {
            (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, current);
        }
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en-US")]
    [InlineData("en-GB")] // no English of its own: the resource manager falls back to zh-CN, the neutral language
    [InlineData("zh")]
    [InlineData("")]
    public void Every_key_reads_as_the_resource_manager_reads_it(string culture)
    {
        var keys = ResourceFiles.Read(Lang.Chinese).Keys;
        Assert.True(keys.Count > 500);
        var differences = InCulture(culture, () => keys
            .Where(key => SharedTextTable.Instance[key].Value != Framework.GetString(key, CultureInfo.CurrentUICulture))
            .ToList());
        Assert.Empty(differences);
    }

    [Fact]
    public void A_missing_key_is_its_own_text_and_marked_not_found()
    {
        var text = InCulture("en-US", () => SharedTextTable.Instance["No.Such.Key"]);
        Assert.True(text.ResourceNotFound);
        Assert.Equal("No.Such.Key", text.Value);
        Assert.False(InCulture("en-US", () => SharedTextTable.Instance["Me.MyInterview"]).ResourceNotFound);
    }

    [Fact]
    public void Arguments_are_formatted_in_the_request_culture()
    {
        const string key = "Me.SentAnswersAreOnThatPage";
        var english = InCulture("en-US", () => SharedTextTable.Instance[key, 2].Value);
        var chinese = InCulture("zh-CN", () => SharedTextTable.Instance[key, 2].Value);
        Assert.Equal(string.Format(CultureInfo.GetCultureInfo("en-US"), Framework.GetString(key, CultureInfo.GetCultureInfo("en-US"))!, 2), english);
        Assert.Equal(string.Format(CultureInfo.GetCultureInfo("zh-CN"), Framework.GetString(key, CultureInfo.GetCultureInfo("zh-CN"))!, 2), chinese);
        Assert.NotEqual(english, chinese);
        Assert.Contains("2", english, StringComparison.Ordinal);
    }

    [Fact]
    public void Views_and_code_get_the_same_localizer()
    {
        Assert.Same(SharedTextTable.Instance, Texts.Shared);
        var all = InCulture("en-US", () => SharedTextTable.Instance.GetAllStrings(includeParentCultures: false).ToList());
        Assert.Equal(ResourceFiles.Read(Lang.English).Count, all.Count);
    }
}
