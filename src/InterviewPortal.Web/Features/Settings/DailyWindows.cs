using System.Globalization;

namespace InterviewPortal.Web.Features.Settings;

/// <summary>The daily interview windows in Beijing time, written "08:30-12:00,14:00-18:00": ordered, non-overlapping, each start before its end.</summary>
public static class DailyWindows
{
    public static bool TryParse(string? text, out List<(TimeOnly Start, TimeOnly End)> windows, out string? error)
    {
        windows = [];
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "empty";
            return false;
        }
        foreach (var part in text.Split([',', '，', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var ends = part.Split(['-', '–', '~'], StringSplitOptions.TrimEntries);
            if (ends.Length != 2 || !TryTime(ends[0], out var start) || !TryTime(ends[1], out var end))
            {
                error = $"\"{part}\" is not HH:mm-HH:mm";
                return false;
            }
            if (start >= end)
            {
                error = $"\"{part}\" ends before it starts";
                return false;
            }
            if (windows.Count > 0 && start < windows[^1].End)
            {
                error = $"\"{part}\" overlaps or precedes the window before it";
                return false;
            }
            windows.Add((start, end));
        }
        return windows.Count > 0 || (error = "empty") is null;
    }

    /// <summary>The canonical text ("08:30-12:00,14:00-18:00") of valid windows.</summary>
    public static string Format(IEnumerable<(TimeOnly Start, TimeOnly End)> windows) =>
        string.Join(',', windows.Select(w => $"{w.Start:HH\\:mm}-{w.End:HH\\:mm}"));

    private static bool TryTime(string text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text, ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
}
