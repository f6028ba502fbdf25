using Microsoft.AspNetCore.Localization;
using Microsoft.Net.Http.Headers;

namespace InterviewPortal.Web.Infrastructure.Localization;

/// <summary>
/// The API answers in the language of Accept-Language (any en-* is en-US, any zh-* zh-CN, by quality), and in
/// zh-CN when the header names neither; an explicit ?culture= wins, the pages' cookie does not count. Pages ignore
/// the header on purpose: they follow the user's choice (cookie, ?culture=), Chinese until the user picks English.
/// </summary>
public sealed class ApiCultureProvider : RequestCultureProvider
{
    public static bool IsApi(HttpContext http) => http.Request.Path.StartsWithSegments("/api");

    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        if (!IsApi(httpContext))
            return NullProviderCultureResult;
        var culture = Lang.Chinese;
        if (Map(httpContext.Request.Query["culture"].ToString()) is { } asked)
            culture = asked;
        else if (StringWithQualityHeaderValue.TryParseList(httpContext.Request.Headers.AcceptLanguage, out var languages))
        {
            var chosen = languages.Where(l => l.Quality is null or > 0).OrderByDescending(l => l.Quality ?? 1)
                .Select(l => Map(l.Value.Value)).FirstOrDefault(c => c is not null);
            culture = chosen ?? culture;
        }
        return Task.FromResult<ProviderCultureResult?>(new ProviderCultureResult(culture));
    }

    private static string? Map(string? language) =>
        string.IsNullOrEmpty(language) ? null
        : language.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? Lang.English
        : language.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? Lang.Chinese
        : null;
}

/// <summary>Runs a page-only provider (query string, cookie) everywhere but the API.</summary>
public sealed class PagesOnlyCultureProvider(RequestCultureProvider inner) : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext) =>
        ApiCultureProvider.IsApi(httpContext) ? NullProviderCultureResult : inner.DetermineProviderCultureResult(httpContext);
}
