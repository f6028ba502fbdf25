using System.Reflection;
using System.Text.RegularExpressions;
using InterviewPortal.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Mvc;
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

    /// <summary>
    /// Values as they travel in a URL (already percent-encoded): control characters (NUL, LF, CR LF with a header
    /// after it, DEL, U+2028), invalid UTF-8 (%C3%28, %FF), an overlong "/" (%C0%AF), a double-encoded "/", a lone
    /// surrogate (%ED%A0%80), broken escapes, and 10,000 characters.
    /// </summary>
    public static readonly string[] OddValues =
    [
        "%00", "%0A", "%0D%0ASet-Cookie:%20a=b", "%7F", "%E2%80%A8", "%C3%28", "%FF", "%C0%AF", "%252F", "%ED%A0%80", "%", "%G1",
        new('x', 10_000),
    ];

    /// <summary>
    /// Every query parameter the portal reads: the simple parameters of the API handlers and of the pages' handlers,
    /// and the page properties bound on GET (by their bound name), found by reflection rather than kept by hand.
    /// </summary>
    public static List<string> QueryNames(PortalFactory portal)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var method in Endpoints(portal).Select(e => e.Metadata.GetMetadata<MethodInfo>()).OfType<MethodInfo>())
            AddSimple(names, method);
        foreach (var page in typeof(Program).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(PageModel))))
        {
            foreach (var property in page.GetProperties())
                if (property.GetCustomAttribute<BindPropertyAttribute>() is { SupportsGet: true } bind)
                    names.Add(bind.Name ?? property.Name);
            foreach (var handler in page.GetMethods().Where(m => m.Name.StartsWith("On", StringComparison.Ordinal)))
                AddSimple(names, handler);
        }
        names.Remove("handler"); // an unknown handler is its own sweep: it would stop every page before the rest is read
        return [.. names.Order(StringComparer.Ordinal)];
    }

    private static void AddSimple(HashSet<string> names, MethodInfo method)
    {
        foreach (var parameter in method.GetParameters())
        {
            var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
            if (parameter.Name is { } name && (type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal)
                || type == typeof(DateOnly) || type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(TimeOnly) || type == typeof(Guid)))
                names.Add(name);
        }
    }

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
