using InterviewPortal.Web.Features.Interviews;
using InterviewPortal.Web.Infrastructure.Time;

namespace InterviewPortal.UnitTests.Interviews;

/// <summary>The timeline's free starts: slot-long, inside the windows, never in the past, the first one right after a held slot.</summary>
public class TimelineSlotsTests
{
    private static readonly DateOnly Day = new(2031, 4, 1);

    private static DateTime At(string local) => BeijingTime.FromLocal(Day.ToDateTime(TimeOnly.Parse(local, System.Globalization.CultureInfo.InvariantCulture)));

    private static List<string> Starts(SlotBook book, string windows, int candidateId = 0, string now = "00:00")
    {
        Assert.True(DailyWindows.TryParse(windows, out var parsed, out _));
        return ReadTimelineHandler.FreeSlots(book, 1, "assistant", candidateId, Day, parsed.Windows, 20, At(now))
            .Select(s => BeijingTime.ToLocal(s.StartsAt).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)).ToList();
    }

    [Fact]
    public void An_empty_room_offers_back_to_back_slots_that_end_inside_each_window()
    {
        Assert.Equal(["08:30", "08:50", "09:10", "09:30", "14:00", "14:20"], Starts(new SlotBook([]), "08:30-09:55,14:00-14:45"));
    }

    [Fact]
    public void A_held_slot_of_the_room_the_assistant_or_the_chosen_candidate_blocks_and_the_next_start_follows_its_end()
    {
        var book = new SlotBook(
        [
            new HeldSlot(1, 7, 1, "本考场", null, At("09:00"), At("09:25")),
            new HeldSlot(2, 8, 2, "同助理考场", "assistant", At("10:00"), At("10:20")),
            new HeldSlot(3, 9, 3, "别的考场", null, At("10:40"), At("11:00")),
        ]);
        Assert.Equal(["08:30", "09:25", "10:20", "10:40"], Starts(book, "08:30-11:00"));
        Assert.Equal(["08:30", "09:25", "10:20"], Starts(book, "08:30-11:00", candidateId: 9));
    }

    [Fact]
    public void No_slot_starts_in_the_past()
    {
        Assert.Equal(["09:05", "09:25"], Starts(new SlotBook([]), "08:30-09:45", now: "09:03"));
    }
}
