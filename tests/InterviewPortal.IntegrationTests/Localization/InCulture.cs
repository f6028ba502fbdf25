using System.Globalization;
using InterviewPortal.Web.Infrastructure.Localization;

namespace InterviewPortal.IntegrationTests.Localization;

/// <summary>A portal text as the portal says it in one culture: what a response in that culture must carry.</summary>
public static class InCulture
{
    public static string English(Func<string> text) => In(Lang.English, text);

    public static string Chinese(Func<string> text) => In(Lang.Chinese, text);

    /// <summary>The API speaks the test clients' Accept-Language (en-US); pages and hubs their default, zh-CN.</summary>
    public static string For(string url, Func<string> text) =>
        url.StartsWith("/api", StringComparison.OrdinalIgnoreCase) ? English(text) : Chinese(text);

    public static bool IsEither(string? actual, Func<string> text) => actual == English(text) || actual == Chinese(text);

    private static string In(string culture, Func<string> text)
    {
        var saved = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            return text();
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }
    }
}
