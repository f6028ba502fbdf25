using Microsoft.Extensions.Localization;

namespace InterviewPortal.Web.Infrastructure.Localization;

/// <summary>
/// The shared resource for code that has no localizer injected: Outcome factories, FluentValidation rules,
/// import parsers and other static helpers that run deep below a request (threading a localizer through them
/// would change dozens of signatures for no gain). It reads the same .resx files, by the same rules
/// (CurrentUICulture), as the <c>IStringLocalizer&lt;SharedResource&gt;</c> that views and services inject.
/// </summary>
public static class Texts
{
    public static IStringLocalizer Shared => SharedTextTable.Instance;

    public static string Get(string key) => Shared[key];

    public static string Get(string key, params object?[] args) => Shared[key, args!];
}
