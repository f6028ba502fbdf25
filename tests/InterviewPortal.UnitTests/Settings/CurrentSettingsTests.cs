using InterviewPortal.Data.Settings;
using InterviewPortal.UnitTests.Support;

namespace InterviewPortal.UnitTests.Settings;

/// <summary>The one settings reader: the saved row, or the defaults while the admin has saved none.</summary>
public class CurrentSettingsTests
{
    [Fact]
    public async Task Without_a_saved_row_the_defaults_apply_and_a_saved_row_wins()
    {
        using var database = new InMemoryPortalDb();
        await using (var db = database.Open())
        {
            var defaults = await PortalSettings.CurrentAsync(db.Settings, CancellationToken.None);
            Assert.Equal((20, "08:30-12:00,14:00-18:00", 30), (defaults.NoticeLeadMinutes, defaults.DailyWindows, defaults.PhotoRetentionDays));
            db.Settings.Add(new PortalSettings { NoticeLeadMinutes = 45, DailyWindows = "09:00-11:00", PhotoRetentionDays = 7 });
            await db.SaveChangesAsync();
        }
        await using (var db = database.Open())
        {
            var saved = await PortalSettings.CurrentAsync(db.Settings, CancellationToken.None);
            Assert.Equal((45, "09:00-11:00", 7), (saved.NoticeLeadMinutes, saved.DailyWindows, saved.PhotoRetentionDays));
        }
    }
}
