using System.Text;
using System.Text.Json;

namespace InterviewPortal.BrowserTests.Infrastructure;

/// <summary>
/// Runs axe-core (from the npm registry, installed by scripts/test-services.sh) inside the page. The context must be
/// opened with <c>Visit.BypassCsp</c>: the portal's CSP allows only its own scripts, and the injected axe is not one.
/// </summary>
public static class Axe
{
    private static readonly string[] FailingImpacts = ["serious", "critical"];

    public sealed record Violation(string Id, string Impact, string Help, string HelpUrl, IReadOnlyList<string> Nodes);

    /// <summary>Every violation axe finds on the page as it is now, whatever its impact.</summary>
    public static async Task<IReadOnlyList<Violation>> RunAsync(IPage page)
    {
        if (!File.Exists(RepoPaths.AxeScript))
            throw new InvalidOperationException($"{RepoPaths.AxeScript} is missing: run scripts/test-services.sh (installs axe-core from npm).");
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe !== 'undefined'"))
            await page.AddScriptTagAsync(new() { Path = RepoPaths.AxeScript });
        var result = await page.EvaluateAsync<JsonElement>("""
            async () => {
              const r = await axe.run(document, { resultTypes: ['violations'] });
              return r.violations.map(v => ({
                id: v.id, impact: v.impact || 'unknown', help: v.help, helpUrl: v.helpUrl,
                nodes: v.nodes.map(n => n.target.join(' ') + ' — ' + (n.failureSummary || '').replace(/\s+/g, ' '))
              }));
            }
            """);
        return result.EnumerateArray().Select(v => new Violation(
            v.GetProperty("id").GetString()!, v.GetProperty("impact").GetString()!, v.GetProperty("help").GetString()!,
            v.GetProperty("helpUrl").GetString()!, v.GetProperty("nodes").EnumerateArray().Select(n => n.GetString()!).ToList())).ToList();
    }

    /// <summary>Fails with a readable list when axe finds any serious or critical violation.</summary>
    public static async Task AssertNoSeriousViolationsAsync(IPage page)
    {
        var failing = (await RunAsync(page)).Where(v => FailingImpacts.Contains(v.Impact)).ToList();
        if (failing.Count == 0)
            return;
        var report = new StringBuilder($"axe found {failing.Count} serious/critical violation(s) on {page.Url}:\n");
        foreach (var v in failing)
        {
            report.Append($"- [{v.Impact}] {v.Id}: {v.Help} ({v.HelpUrl})\n");
            foreach (var node in v.Nodes.Take(5))
                report.Append($"    {node}\n");
        }
        Assert.Fail(report.ToString());
    }
}
