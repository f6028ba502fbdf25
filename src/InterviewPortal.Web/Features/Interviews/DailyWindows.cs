using System.Globalization;
using InterviewPortal.Web.Infrastructure.Time;

namespace InterviewPortal.Web.Features.Interviews;

/// <summary>
/// The daily interview windows in Beijing time, written "08:30-12:00,14:00-18:00" (also with "，" or ";" between
/// windows and "–" or "~" inside one; "8:30" is read as 08:30): at least one window, in order, not overlapping, each
/// starting before it ends. The settings page and API refuse any other text; scheduling places slots inside them.
/// A slot lies wholly inside one window: a start before or between windows moves to the next window's start, and a
/// slot that would cross a window's end moves to the next window (or the next day's first).
/// </summary>
public sealed class DailyWindows
{
    private readonly List<(TimeSpan From, TimeSpan To)> windows;

    private DailyWindows(List<(TimeSpan From, TimeSpan To)> windows) => this.windows = windows;

    /// <summary>Reads <paramref name="text"/>; on failure <paramref name="error"/> says which part is wrong.</summary>
    public static bool TryParse(string? text, out DailyWindows result, out string? error)
    {
        result = new DailyWindows([]);
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "empty";
            return false;
        }
        var parsed = new List<(TimeSpan From, TimeSpan To)>();
        foreach (var part in text.Split([',', '，', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var ends = part.Split(['-', '–', '~'], StringSplitOptions.TrimEntries);
            var from = TimeSpan.Zero;
            var to = TimeSpan.Zero;
            if (ends.Length != 2 || !TryTime(ends[0], out from) || !TryTime(ends[1], out to))
                error = $"\"{part}\" is not HH:mm-HH:mm";
            else if (from >= to)
                error = $"\"{part}\" ends before it starts";
            else if (parsed.Count > 0 && from < parsed[^1].To)
                error = $"\"{part}\" overlaps or precedes the window before it";
            if (error is not null)
                return false;
            parsed.Add((from, to));
        }
        if (parsed.Count == 0)
        {
            error = "empty";
            return false;
        }
        result = new DailyWindows(parsed);
        return true;
    }

    /// <summary>The windows in order, as Beijing times of day (the day timeline offers its free slots inside them).</summary>
    public IReadOnlyList<(TimeSpan From, TimeSpan To)> Windows => windows;

    public bool Fits(int durationMinutes) => windows.Any(w => (w.To - w.From).TotalMinutes >= durationMinutes);

    /// <summary>The first start at or after <paramref name="startUtc"/> where the whole slot lies inside a window.</summary>
    public DateTime Place(DateTime startUtc, int durationMinutes)
    {
        if (!Fits(durationMinutes))
            throw new InvalidOperationException("No daily window is long enough for the slot.");
        var duration = TimeSpan.FromMinutes(durationMinutes);
        var local = BeijingTime.ToLocal(startUtc).DateTime;
        for (var day = local.Date; ; day = day.AddDays(1))
        {
            foreach (var (from, to) in windows)
            {
                var start = day + from > local ? day + from : local;
                if (start + duration <= day + to)
                    return BeijingTime.FromLocal(start);
            }
        }
    }

    /// <summary>The canonical text, as stored: "08:30-12:00,14:00-18:00".</summary>
    public override string ToString() =>
        string.Join(",", windows.Select(w => $"{w.From:hh\\:mm}-{w.To:hh\\:mm}"));

    // "24:00" is not a time of day, so a window ends at 23:59 at the latest.
    private static bool TryTime(string text, out TimeSpan time)
    {
        var ok = TimeOnly.TryParseExact(text, ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed);
        time = parsed.ToTimeSpan();
        return ok;
    }
}
