namespace InterviewPortal.BrowserTests.Infrastructure;

/// <summary>Where the browser tests find what scripts/test-services.sh installed and where they leave evidence.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>axe-core, installed from the npm registry by scripts/test-services.sh (gitignored).</summary>
    public static string AxeScript => Path.Combine(Root, "tests", "InterviewPortal.BrowserTests", ".axe", "node_modules", "axe-core", "axe.min.js");

    /// <summary>Screenshots and HTML of failed tests: TestResults/screenshots/&lt;test&gt;.png beside the TRX files.</summary>
    public static string Screenshots => Path.Combine(Root, "TestResults", "screenshots");

    /// <summary>Debian's Chromium; PORTAL_CHROMIUM overrides it (e.g. on a developer's own machine).</summary>
    public static string Chromium => Environment.GetEnvironmentVariable("PORTAL_CHROMIUM") ?? "/usr/bin/chromium";

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "InterviewPortal.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException($"InterviewPortal.sln not found above {AppContext.BaseDirectory}.");
    }
}
