using System.Globalization;
using InterviewPortal.Web.Resources;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;

namespace InterviewPortal.Web.Infrastructure.Localization;

/// <summary>
/// The UI speaks Simplified Chinese by default and English beside it. Texts live in
/// Resources/SharedResource.{zh-CN,en-US}.resx, read by key: the injected T in a view, Texts.Get in code
/// (scripts/l10n-convert.py turns a pair written by hand as Lang.T(zh, en), both string literals, into a key).
/// </summary>
public static class Lang
{
    public const string Chinese = "zh-CN";
    public const string English = "en-US";
    public static readonly string[] Cultures = [Chinese, English];

    public static bool IsEnglish => CultureInfo.CurrentUICulture.Name.StartsWith("en", StringComparison.OrdinalIgnoreCase);

    /// <summary>Picks one of two texts that come as a pair at run time (a pledge version's two texts), never for literals.</summary>
    public static string Pick(string zh, string en) => IsEnglish ? en : zh;

    public static IServiceCollection AddPortalLocalization(this IServiceCollection services)
    {
        // Texts live in Resources/SharedResource.{culture}.resx; views get it injected as T (see _ViewImports).
        services.AddLocalization();
        services.AddSingleton<IStringLocalizer<SharedResource>>(SharedTextTable.Instance);
        services.Configure<RequestLocalizationOptions>(o =>
        {
            // Read-only, cached instances: the middleware hands a matched culture to CultureInfo.ReadOnly, which clones a
            // writable one on every request and asks ICU again for its number and date formats (5 % of an API request's
            // time with Accept-Language on every /api call; measured with dotnet-trace).
            var cultures = Cultures.Select(CultureInfo.GetCultureInfo).ToList();
            o.DefaultRequestCulture = new RequestCulture(Chinese);
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
            // The API follows Accept-Language (zh-CN when none). Pages: ?culture=, then the cookie the switch sets; the
            // browser's Accept-Language is ignored on purpose there: the portal is Chinese unless the user chooses English.
            o.RequestCultureProviders = [new ApiCultureProvider(), new PagesOnlyCultureProvider(new QueryStringRequestCultureProvider()),
                new PagesOnlyCultureProvider(new CookieRequestCultureProvider())];
        });
        return services;
    }

    /// <summary>GET /culture/{name}?returnUrl=...: remembers the choice in a cookie and goes back.</summary>
    public static void MapCultureSwitch(this IEndpointRouteBuilder app) =>
        app.MapGet("/culture/{name}", (string name, string? returnUrl, HttpContext http) =>
        {
            var culture = Cultures.FirstOrDefault(c => string.Equals(c, name, StringComparison.OrdinalIgnoreCase)) ?? Chinese;
            http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true, Secure = http.Request.IsHttps });
            return Results.LocalRedirect(Validation.LocalReturnUrl.Or(returnUrl, "/"));
        }).AllowAnonymous().ExcludeFromDescription();
}
