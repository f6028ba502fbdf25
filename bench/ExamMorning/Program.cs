// The exam-morning run (issue 19), driven by bench/run-exam-morning.sh: N candidates each request a sign-in code,
// sign in and open their page within the window, from their own loopback addresses, while the room consoles and the
// college board stay connected to the exam-day hub and assistants invite their verified candidates. Bounded: every
// candidate starts inside the window, and whatever is still running a minute after it ends is cancelled and counted.
// Usage: dotnet ExamMorning.dll --nodes http://127.0.0.1:5201[,http://127.0.0.1:5202] --candidates 10000 --window 600
//        --plan plan.txt --staff-password P [--consoles 50] [--proxy-header] [--out result.json]
//        [--warmup 50] (candidates after the N measured ones, signed in before the window and not counted: a portal
//        that has served nobody yet is still compiling its code) [--start-at ISO] (the window starts then, at the
//        latest: the script places the first slots' T-20 a third into it)
using System.Diagnostics;
using System.Globalization;
using ExamMorning;

var options = args.Select((a, i) => (a, i)).Where(p => p.a.StartsWith("--", StringComparison.Ordinal))
    .ToDictionary(p => p.a[2..], p => p.i + 1 < args.Length && !args[p.i + 1].StartsWith("--", StringComparison.Ordinal) ? args[p.i + 1] : "true");
string Opt(string name, string fallback) => options.TryGetValue(name, out var v) ? v : fallback;

var nodes = Opt("nodes", "http://127.0.0.1:5201").Split(',').Select(n => new Uri(n.TrimEnd('/') + "/")).ToList();
var count = int.Parse(Opt("candidates", "10000"), CultureInfo.InvariantCulture);
var window = TimeSpan.FromSeconds(double.Parse(Opt("window", "600"), CultureInfo.InvariantCulture));
var consoles = int.Parse(Opt("consoles", "50"), CultureInfo.InvariantCulture);
var password = Opt("staff-password", "");
var plan = options.TryGetValue("plan", out var planFile)
    ? File.ReadAllLines(planFile).Where(l => l.Length > 0).Select(l => l.Split(' ')).Select(p => (Assistant: p[0], Interview: int.Parse(p[1], CultureInfo.InvariantCulture))).ToList()
    : [];
if (count is < 1 or > 640_000 || window <= TimeSpan.Zero)
{
    Console.Error.WriteLine("--candidates 1..640000 and a positive --window (seconds) please");
    return 2;
}

var warmup = int.Parse(Opt("warmup", "0"), CultureInfo.InvariantCulture);
DateTime? startAt = options.TryGetValue("start-at", out var at) ? DateTime.Parse(at, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal) : null;
var stats = new Stats();
var clients = new Clients(options.ContainsKey("proxy-header"));
await using var room = new Consoles(clients, stats, nodes, password);
using var stop = new CancellationTokenSource(window + TimeSpan.FromMinutes(2)
    + (startAt is { } s && s > DateTime.UtcNow ? s - DateTime.UtcNow : TimeSpan.Zero) + TimeSpan.FromMinutes(2));
var assistantNames = Enumerable.Range(1, consoles).Select(k => $"bench-assistant-{k:D2}").ToList();
await room.ConnectAsync(assistantNames, "bench-secretary", stop.Token);

if (warmup > 0)
{
    var unmeasured = new Candidates(clients, new Stats(), nodes);
    await Parallel.ForAsync(count, count + warmup, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) => await unmeasured.RunAsync(i, ct));
    Console.WriteLine($"warm-up: {warmup} candidates signed in (not counted)");
}
if (startAt > DateTime.UtcNow)
{
    Console.WriteLine($"waiting until {startAt:O} (the first slots' T-20 then falls a third into the window)");
    await Task.Delay(startAt.Value - DateTime.UtcNow, stop.Token);
}
var candidates = new Candidates(clients, stats, nodes);
var started = DateTime.UtcNow;
var clock = Stopwatch.StartNew();
stats.WindowStart = Stopwatch.GetTimestamp();
Console.WriteLine($"{started:O} run starts: {count} candidates over {window.TotalSeconds} s on {nodes.Count} node(s), {plan.Count} invitations");
var tasks = new List<Task>(count + plan.Count);
// Invitations spread evenly over the window, interleaved with the candidates' arrivals.
var invitationsAt = plan.Select((p, k) => (At: window * (k + 0.5) / plan.Count, p.Assistant, p.Interview)).ToList();
var next = 0;
var lastReport = TimeSpan.Zero;
for (var i = 0; i < count; i++)
{
    var due = window * i / count;
    if (due > clock.Elapsed)
        await Task.Delay(due - clock.Elapsed, stop.Token);
    while (next < invitationsAt.Count && invitationsAt[next].At <= clock.Elapsed)
    {
        var (_, assistant, interview) = invitationsAt[next++];
        tasks.Add(Task.Run(() => room.InviteAsync(assistant, interview, stop.Token)));
    }
    var n = i;
    tasks.Add(Task.Run(() => candidates.RunAsync(n, stop.Token)));
    if (clock.Elapsed - lastReport >= TimeSpan.FromSeconds(30))
    {
        lastReport = clock.Elapsed;
        Console.WriteLine($"  {clock.Elapsed:mm\\:ss} started {i + 1}, done {stats.Counted("candidates-done")}, errors {stats.Errors}");
    }
}
foreach (var (_, assistant, interview) in invitationsAt.Skip(next))
    tasks.Add(Task.Run(() => room.InviteAsync(assistant, interview, stop.Token)));
try
{
    await Task.WhenAll(tasks).WaitAsync(stop.Token);
}
catch (OperationCanceledException)
{
    stats.Error("unfinished", $"{tasks.Count(t => !t.IsCompleted)} flows still running a minute after the window; cancelled");
}
await room.SettleAsync(TimeSpan.FromSeconds(10));
var finished = DateTime.UtcNow;
var extra = new Dictionary<string, object>
{
    ["startedUtc"] = started.ToString("O"),
    ["finishedUtc"] = finished.ToString("O"),
    ["candidates"] = count,
    ["windowSeconds"] = window.TotalSeconds,
    ["nodes"] = nodes.Count,
    ["consoles"] = consoles,
    ["consoleEventsSeen"] = room.ConsoleEvents,
    ["invitationsPlanned"] = plan.Count,
    ["invitationsIssued"] = stats.Counted("invitations-issued"),
    ["candidatesDone"] = stats.Counted("candidates-done"),
};
stats.Print(Console.Out);
Console.WriteLine($"candidates done {stats.Counted("candidates-done")}/{count}, invitations issued {stats.Counted("invitations-issued")}/{plan.Count}, in {(finished - started).TotalSeconds:F0} s");
if (options.TryGetValue("out", out var outFile))
    await File.WriteAllTextAsync(outFile, stats.Json(extra));
return stats.Errors == 0 ? 0 : 1;
