using InterviewPortal.Data;
using InterviewPortal.Data.Access;
using InterviewPortal.Web.Features.Audit;
using InterviewPortal.Web.Features.CandidateAuth;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.UnitTests.Audit;

public class AuditTrailTests
{
    [Theory]
    [InlineData("interview.booked")]
    [InlineData("pledge.confirmed")]
    [InlineData("id-photo.retake-requested")]
    [InlineData("staff.two-factor-enrolled")]
    public void An_action_in_the_one_style_is_added_to_the_unit_of_work_with_the_scopes_actor(string action)
    {
        using var db = Context();

        db.Record(action, "Interview", 7, "detail", new DateTime(2026, 3, 1, 8, 0, 0, DateTimeKind.Utc));

        var entry = Assert.Single(db.ChangeTracker.Entries<Data.Audit.AuditEntry>()).Entity;
        Assert.Equal((action, "Interview", "7", "system"), (entry.Action, entry.Entity, entry.EntityId, entry.Actor));
        Assert.Equal(new DateTime(2026, 3, 1, 8, 0, 0, DateTimeKind.Utc), entry.At);
    }

    [Theory]
    [InlineData("PledgeConfirmed")]
    [InlineData("IdPhotoViewed")]
    [InlineData("interview")]
    [InlineData("Interview.Book")]
    [InlineData("interview.room_scan_accepted")]
    [InlineData("interview.booked.")]
    public void An_action_in_another_style_is_refused_and_nothing_is_added(string action)
    {
        using var db = Context();

        Assert.Throws<ArgumentException>(() => db.Record(action, "Interview", 7));
        Assert.Empty(db.ChangeTracker.Entries());
    }

    [Fact]
    public void The_sign_in_refusal_written_without_Record_is_in_the_same_style() =>
        Assert.True(AuditTrail.IsInStyle(VerifySignInCodeHandler.RefusedAction));

    private static PortalDbContext Context() =>
        new PortalDbContext(new DbContextOptionsBuilder<PortalDbContext>().UseSqlite("Data Source=:memory:").Options).WithScope(AccessScope.System);
}
