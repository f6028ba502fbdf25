using InterviewPortal.Web.Features.Interviews;
using InterviewPortal.Web.Infrastructure.Time;

namespace InterviewPortal.UnitTests.Interviews;

/// <summary>One reader for the daily windows: what the settings accept is exactly what scheduling places slots in.</summary>
public class DailyWindowsTests
{
    [Theory]
    [InlineData("08:30-12:00,14:00-18:00", "08:30-12:00,14:00-18:00")]
    [InlineData(" 8:30-12:00 , 14:00-18:00", "08:30-12:00,14:00-18:00")]
    [InlineData("08:30–12:00，14:00~18:00", "08:30-12:00,14:00-18:00")]
    [InlineData("08:30-12:00;14:00-18:00", "08:30-12:00,14:00-18:00")]
    public void Chinese_and_western_separators_are_read_and_written_back_canonically(string text, string canonical)
    {
        Assert.True(DailyWindows.TryParse(text, out var windows, out var error), error);
        Assert.Equal(canonical, windows.ToString());
    }

    [Theory]
    [InlineData(null, "empty")]
    [InlineData(" ", "empty")]
    [InlineData(",", "empty")]
    [InlineData("14:00-18:00,08:30-12:00", "precedes")]
    [InlineData("08:30-12:00,11:00-18:00", "overlaps")]
    [InlineData("12:00-08:30", "ends before it starts")]
    [InlineData("24:00-25:00", "is not HH:mm-HH:mm")]
    [InlineData("08:30", "is not HH:mm-HH:mm")]
    public void Empty_unordered_overlapping_or_malformed_windows_are_refused_with_the_reason(string? text, string reason)
    {
        Assert.False(DailyWindows.TryParse(text, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_slot_that_would_cross_a_window_end_moves_to_the_next_window_then_the_next_day()
    {
        Assert.True(DailyWindows.TryParse("08:30-12:00,14:00-18:00", out var windows, out _));
        var day = new DateTime(2027, 3, 20, 0, 0, 0);

        Assert.Equal(At(day, 8, 30), windows.Place(At(day, 7, 0), 30));
        Assert.Equal(At(day, 11, 30), windows.Place(At(day, 11, 30), 30));
        Assert.Equal(At(day, 14, 0), windows.Place(At(day, 11, 45), 30));
        Assert.Equal(At(day.AddDays(1), 8, 30), windows.Place(At(day, 17, 45), 30));
        Assert.True(windows.Fits(240)); // 14:00-18:00
        Assert.False(windows.Fits(241));
    }

    private static DateTime At(DateTime day, int hour, int minute) => BeijingTime.FromLocal(day.AddHours(hour).AddMinutes(minute));
}
