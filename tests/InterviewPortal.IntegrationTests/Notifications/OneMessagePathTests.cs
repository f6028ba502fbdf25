using System.Text.RegularExpressions;

namespace InterviewPortal.IntegrationTests.Notifications;

/// <summary>
/// ADR 0003 as a check on the source: a message to a candidate is staged only by <c>CandidateOutbox</c> and handed to
/// WeLink only by <c>CandidateMessageSender</c>, so "sent once" is always decided by an outbox row. A new sender that
/// adds its own rows or calls the gateway fails here. (A target-typed <c>new()</c> of a Notification would slip by:
/// review still counts.)
/// </summary>
public sealed partial class OneMessagePathTests
{
    [Fact]
    public void Only_CandidateOutbox_stages_outbox_rows_and_only_CandidateMessageSender_sends_candidate_messages()
    {
        var sources = SourceFiles();
        Assert.Contains(sources, f => f.EndsWith("CandidateOutbox.cs", StringComparison.Ordinal)); // the scan reads the real tree

        Assert.Equal(new[] { "Features/Notifications/CandidateOutbox.cs" }, Matching(sources, StagesARow()));
        Assert.Equal(new[] { "Features/Notifications/CandidateMessageSender.cs" }, Matching(sources, SendsAMessage()));
    }

    [Fact]
    public void The_check_sees_the_ways_around_the_outbox()
    {
        // Worth something only if these would be caught.
        Assert.Matches(StagesARow(), "db.Notifications.Add(message);");
        Assert.Matches(StagesARow(), "db.Notifications.AddRange(PhoneChangeMessages.Approved(request));");
        Assert.Matches(StagesARow(), "return new Notification\n{");
        Assert.Matches(SendsAMessage(), "await gateway.SendMessageAsync(Message(target.Phone, version), ct);");
        Assert.DoesNotMatch(StagesARow(), "db.Notifications.Where(n => n.Id == id)");
    }

    private static List<string> Matching(IEnumerable<string> files, Regex pattern)
    {
        var web = Path.Combine(Root(), "src", "InterviewPortal.Web") + Path.DirectorySeparatorChar;
        return files.Where(f => pattern.IsMatch(File.ReadAllText(f))).Select(f => f.Replace(web, "", StringComparison.Ordinal).Replace('\\', '/')).Order().ToList();
    }

    private static List<string> SourceFiles() =>
        Directory.EnumerateFiles(Path.Combine(Root(), "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();

    private static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "InterviewPortal.sln")))
                return dir.FullName;
        throw new InvalidOperationException("The repository root (InterviewPortal.sln) was not found above the test binaries.");
    }

    // Adding to the Notifications set, or building a Notification row by hand.
    [GeneratedRegex(@"\bNotifications\s*\.\s*Add(Range)?(Async)?\s*\(|\bnew\s+Notification\s*[({\s]")]
    private static partial Regex StagesARow();

    // A call of the gateway's message method (its declaration and the two gateways' implementations are not calls).
    [GeneratedRegex(@"\.\s*SendMessageAsync\s*\(")]
    private static partial Regex SendsAMessage();
}
