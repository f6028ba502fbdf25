using System.Globalization;
using System.Net;

namespace LoadGen;

/// <summary>What to hit, how hard and for how long; every load is bounded in time and in count, and loopback only.</summary>
public sealed record LoadOptions(
    Uri Url, int Connections, TimeSpan Duration, TimeSpan Warmup, long MaxRequests,
    IReadOnlyList<(string Name, string Value)> Headers, IReadOnlyList<string> BearerTokens, bool RotateTokens, string? JsonPath, string? Label)
{
    public const string Usage =
        "usage: LoadGen --url http://127.0.0.1:PORT/path [--connections 64] [--duration 15s] [--warmup 3s] [--max-requests 2000000]\n" +
        "               [--header \"Name: value\"]... [--bearer-file tokens.txt] [--json out.json] [--label name]\n" +
        "               [--rotate-tokens]\n" +
        "  --bearer-file: one token a line; connection i sends token i mod n as 'Authorization: Bearer ...'.\n" +
        "  --rotate-tokens: every request takes the next token of the file instead (many users, each now and then).\n" +
        "  Only loopback hosts are accepted.";

    public static LoadOptions Parse(string[] args)
    {
        string? url = null, json = null, label = null, bearerFile = null;
        var rotateTokens = false;
        int connections = 64;
        TimeSpan duration = TimeSpan.FromSeconds(15), warmup = TimeSpan.FromSeconds(3);
        long maxRequests = 2_000_000;
        var headers = new List<(string, string)>();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--url": url = Next(); break;
                case "--connections": connections = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--duration": duration = ParseDuration(Next()); break;
                case "--warmup": warmup = ParseDuration(Next()); break;
                case "--max-requests": maxRequests = long.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--header":
                    var header = Next();
                    var colon = header.IndexOf(':', StringComparison.Ordinal);
                    if (colon <= 0)
                        throw new ArgumentException($"--header wants \"Name: value\", got \"{header}\"");
                    headers.Add((header[..colon].Trim(), header[(colon + 1)..].Trim()));
                    break;
                case "--bearer-file": bearerFile = Next(); break;
                case "--rotate-tokens": rotateTokens = true; break;
                case "--json": json = Next(); break;
                case "--label": label = Next(); break;
                default: throw new ArgumentException($"unknown option {args[i]}");
            }
        }
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https"))
            throw new ArgumentException("--url must be an absolute http(s) URL");
        if (!IsLoopback(uri))
            throw new ArgumentException($"refusing {uri.Host}: load is only ever sent to loopback (127.0.0.1, ::1, localhost)");
        if (connections is < 1 or > 1024)
            throw new ArgumentException("--connections must be 1..1024");
        if (duration <= TimeSpan.Zero || duration > TimeSpan.FromMinutes(10) || warmup < TimeSpan.Zero || warmup > TimeSpan.FromMinutes(1))
            throw new ArgumentException("--duration must be within (0, 10m] and --warmup within [0, 1m]");
        if (maxRequests < 1)
            throw new ArgumentException("--max-requests must be positive");
        var tokens = bearerFile is null ? [] : File.ReadAllLines(bearerFile).Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        if (bearerFile is not null && tokens.Count == 0)
            throw new ArgumentException($"{bearerFile} has no tokens");
        if (rotateTokens && tokens.Count == 0)
            throw new ArgumentException("--rotate-tokens needs --bearer-file");
        return new LoadOptions(uri, connections, duration, warmup, maxRequests, headers, tokens, rotateTokens, json, label);
    }

    public static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    /// <summary>"15s", "500ms", "2m" or plain seconds.</summary>
    public static TimeSpan ParseDuration(string text)
    {
        if (text.EndsWith("ms", StringComparison.Ordinal))
            return TimeSpan.FromMilliseconds(double.Parse(text[..^2], CultureInfo.InvariantCulture));
        if (text.EndsWith('s'))
            return TimeSpan.FromSeconds(double.Parse(text[..^1], CultureInfo.InvariantCulture));
        if (text.EndsWith('m'))
            return TimeSpan.FromMinutes(double.Parse(text[..^1], CultureInfo.InvariantCulture));
        return TimeSpan.FromSeconds(double.Parse(text, CultureInfo.InvariantCulture));
    }
}
