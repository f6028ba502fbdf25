using System.Text.RegularExpressions;
using InterviewPortal.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewPortal.IntegrationTests.Security;

public sealed record ApiEndpoint(string Method, string Pattern)
{
    public string Key => $"{Method} {Pattern}";

    /// <summary>The URL with each route parameter filled by <paramref name="fill"/> (given the parameter's name).</summary>
    public string Url(Func<string, string> fill) => AppRoutes.Fill(Pattern, fill);
}

/// <summary>
/// The routes of the running app (not a hand-kept list): its /api endpoints and its Razor pages, with route
/// constraints left out ("{id:int}" → "{id}").
/// </summary>
public static partial class AppRoutes
{
    public static List<ApiEndpoint> Api(PortalFactory portal) =>
        Endpoints(portal)
            .Select(e => (Pattern: Normalize(e.RoutePattern.RawText ?? ""), Methods: e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]))
            .Where(e => e.Pattern.StartsWith("/api/", StringComparison.OrdinalIgnoreCase))
            .SelectMany(e => e.Methods.Select(m => new ApiEndpoint(m, e.Pattern)))
            .OrderBy(e => e.Pattern, StringComparer.Ordinal).ThenBy(e => e.Method, StringComparer.Ordinal)
            .ToList();

    public static List<string> Pages(PortalFactory portal) =>
        Endpoints(portal).Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .Select(e => Normalize(e.RoutePattern.RawText ?? "")).Distinct().OrderBy(r => r, StringComparer.Ordinal).ToList();

    /// <summary>The pattern with each route parameter filled by <paramref name="fill"/> (given the parameter's name).</summary>
    public static string Fill(string pattern, Func<string, string> fill) => RouteParameter().Replace(pattern, m => fill(m.Groups[1].Value));

    private static IEnumerable<RouteEndpoint> Endpoints(PortalFactory portal) =>
        portal.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();

    private static string Normalize(string raw)
    {
        var pattern = RouteConstraint().Replace(raw, "{$1}");
        pattern = pattern.Length > 1 ? pattern.TrimEnd('/') : pattern;
        return pattern.StartsWith('/') ? pattern : "/" + pattern;
    }

    [GeneratedRegex(@"\{\*{0,2}(\w+)[^}]*\}")]
    private static partial Regex RouteConstraint();

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex RouteParameter();
}
