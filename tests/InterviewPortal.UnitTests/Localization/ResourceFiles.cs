using System.Xml.Linq;

namespace InterviewPortal.UnitTests.Localization;

/// <summary>The two resource files and the web project's sources, read from the repository the tests run in.</summary>
public static class ResourceFiles
{
    public static readonly string Root = FindRoot();
    public static readonly string Web = Path.Combine(Root, "src", "InterviewPortal.Web");

    public static Dictionary<string, string> Read(string culture) =>
        XDocument.Load(Path.Combine(Web, "Resources", $"SharedResource.{culture}.resx")).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "", StringComparer.Ordinal);

    /// <summary>Every .cs and .cshtml file of the web project, bin and obj left out.</summary>
    public static IEnumerable<string> Sources() =>
        Directory.EnumerateFiles(Web, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "InterviewPortal.sln")))
                return dir.FullName;
        throw new InvalidOperationException("The repository root (InterviewPortal.sln) was not found above the test binaries.");
    }
}
