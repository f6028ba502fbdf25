using System.Text.RegularExpressions;
using InterviewPortal.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewPortal.IntegrationTests.Security;

public sealed record ApiEndpoint(string Method, string Pattern)
{
    public string Key => $"{Method} {Pattern}";

    /// <summary>The URL with each route parameter filled by <paramref name="fill"/> (given the parameter's name).</summary>
    public string Url(Func<string, string> fill) => ApiRoutes.RouteParameter().Replace(Pattern, m => fill(m.Groups[1].Value));
}

/// <summary>The /api endpoints of the running app (not a hand-kept list), with route constraints left out ("{id:int}" → "{id}").</summary>
public static partial class ApiRoutes
{
    public static List<ApiEndpoint> Of(PortalFactory portal)
    {
        var sources = portal.Services.GetRequiredService<EndpointDataSource>();
        return sources.Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Pattern: Normalize(e.RoutePattern.RawText ?? ""), Methods: e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]))
            .Where(e => e.Pattern.StartsWith("/api/", StringComparison.OrdinalIgnoreCase))
            .SelectMany(e => e.Methods.Select(m => new ApiEndpoint(m, e.Pattern)))
            .OrderBy(e => e.Pattern, StringComparer.Ordinal).ThenBy(e => e.Method, StringComparer.Ordinal)
            .ToList();
    }

    private static string Normalize(string raw)
    {
        var pattern = RouteConstraint().Replace(raw, "{$1}");
        pattern = pattern.Length > 1 ? pattern.TrimEnd('/') : pattern;
        return pattern.StartsWith('/') ? pattern : "/" + pattern;
    }

    [GeneratedRegex(@"\{\*{0,2}(\w+)[^}]*\}")]
    private static partial Regex RouteConstraint();

    [GeneratedRegex(@"\{(\w+)\}")]
    internal static partial Regex RouteParameter();
}
