using System.Globalization;
using InterviewPortal.Web.Infrastructure.Time;

namespace InterviewPortal.Web.Features.Interviews;

/// <summary>
/// The daily interview windows in Beijing time ("08:30-12:00,14:00-18:00"). A slot lies wholly inside one
/// window: a start before or between windows moves to the next window's start, and a slot that would
/// cross a window's end moves to the next window (or the next day's first).
/// </summary>
public sealed class DailyWindows
{
    private readonly List<(TimeSpan From, TimeSpan To)> windows;

    private DailyWindows(List<(TimeSpan From, TimeSpan To)> windows) => this.windows = windows;

    public bool IsUnbounded => windows.Count == 0;

    public static bool TryParse(string? text, out DailyWindows result)
    {
        result = new DailyWindows([]);
        if (string.IsNullOrWhiteSpace(text))
            return true;
        var parsed = new List<(TimeSpan, TimeSpan)>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var ends = part.Split('-', StringSplitOptions.TrimEntries);
            if (ends.Length != 2
                || !TimeSpan.TryParseExact(ends[0], @"hh\:mm", CultureInfo.InvariantCulture, out var from)
                || !TimeSpan.TryParseExact(ends[1], @"hh\:mm", CultureInfo.InvariantCulture, out var to)
                || to <= from || to > TimeSpan.FromHours(24))
                return false;
            parsed.Add((from, to));
        }
        parsed.Sort();
        for (var i = 1; i < parsed.Count; i++)
            if (parsed[i].Item1 < parsed[i - 1].Item2)
                return false;
        result = new DailyWindows(parsed);
        return true;
    }

    public bool Fits(int durationMinutes) => IsUnbounded || windows.Any(w => (w.To - w.From).TotalMinutes >= durationMinutes);

    /// <summary>The first start at or after <paramref name="startUtc"/> where the whole slot lies inside a window.</summary>
    public DateTime Place(DateTime startUtc, int durationMinutes)
    {
        if (IsUnbounded)
            return startUtc;
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

    public override string ToString() =>
        string.Join(",", windows.Select(w => $"{w.From:hh\\:mm}-{w.To:hh\\:mm}"));
}
