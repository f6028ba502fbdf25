namespace InterviewPortal.Web.Infrastructure.Time;

/// <summary>Times are stored in UTC and shown in China Standard Time (UTC+8, no daylight saving since 1991).</summary>
public static class BeijingTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateTimeOffset ToLocal(DateTime utc) =>
        new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToOffset(Offset);

    public static DateTime ToUtc(DateTimeOffset value) => value.UtcDateTime;

    /// <summary>A wall-clock time in Beijing (from a page's date and time inputs) as UTC.</summary>
    public static DateTime FromLocal(DateTime beijingWallClock) =>
        DateTime.SpecifyKind(beijingWallClock - Offset, DateTimeKind.Utc);

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(ToLocal(clock.GetUtcNow().UtcDateTime).DateTime);

    /// <summary>The UTC range [from, to) of one Beijing calendar day.</summary>
    public static (DateTime From, DateTime To) DayRange(DateOnly day)
    {
        var from = FromLocal(day.ToDateTime(TimeOnly.MinValue));
        return (from, from.AddDays(1));
    }

    public static string Format(DateTime utc) => ToLocal(utc).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
