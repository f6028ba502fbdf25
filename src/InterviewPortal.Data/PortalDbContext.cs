using InterviewPortal.Data.Access;
using InterviewPortal.Data.Audit;
using InterviewPortal.Data.Candidates;
using InterviewPortal.Data.Colleges;
using InterviewPortal.Data.Interviews;
using InterviewPortal.Data.Notifications;
using InterviewPortal.Data.Pledges;
using InterviewPortal.Data.Requests;
using InterviewPortal.Data.Rooms;
using InterviewPortal.Data.Settings;
using InterviewPortal.Data.Staff;
using InterviewPortal.Data.Verifications;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.Data;

/// <remarks>
/// Contexts are pooled (creating one resolved a dozen EF services per request, contended under load), so the
/// constructor takes only the options and the caller's scope is given with <see cref="WithScope"/> on every lease.
/// </remarks>
public class PortalDbContext(DbContextOptions<PortalDbContext> options)
    : IdentityDbContext<StaffUser>(options), IDataProtectionKeyContext
{
    /// <summary>The caller's scope; the query filters below read it on every query. Nobody until given.</summary>
    public AccessScope Scope { get; private set; } = AccessScope.Nobody;

    /// <summary>Gives this context (new, or leased from the pool) the scope of the one who uses it.</summary>
    public PortalDbContext WithScope(AccessScope scope)
    {
        Scope = scope;
        return this;
    }

    // Disposing a pooled context returns it to the pool: back to Nobody first, so the next lease never starts with
    // the last user's scope (EF resets its own state on return, not ours).
    public override void Dispose()
    {
        Scope = AccessScope.Nobody;
        base.Dispose();
        GC.SuppressFinalize(this);
    }

    public override async ValueTask DisposeAsync()
    {
        Scope = AccessScope.Nobody;
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    public DbSet<College> Colleges => Set<College>();
    public DbSet<Major> Majors => Set<Major>();
    public DbSet<Candidate> Candidates => Set<Candidate>();
    public DbSet<SignInCode> SignInCodes => Set<SignInCode>();
    public DbSet<ExamRoom> ExamRooms => Set<ExamRoom>();
    public DbSet<Examiner> Examiners => Set<Examiner>();
    public DbSet<RoomMeeting> RoomMeetings => Set<RoomMeeting>();
    public DbSet<Interview> Interviews => Set<Interview>();
    public DbSet<MeetingInvitation> MeetingInvitations => Set<MeetingInvitation>();
    public DbSet<IdVerification> IdVerifications => Set<IdVerification>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<GatewayRecord> GatewayOutbox => Set<GatewayRecord>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<AssignmentReport> AssignmentReports => Set<AssignmentReport>();
    public DbSet<PhoneChangeRequest> PhoneChangeRequests => Set<PhoneChangeRequest>();
    public DbSet<PortalSettings> Settings => Set<PortalSettings>();
    public DbSet<SchedulingLock> SchedulingLocks => Set<SchedulingLock>();
    public DbSet<PledgeVersion> PledgeVersions => Set<PledgeVersion>();
    public DbSet<PledgeConfirmation> PledgeConfirmations => Set<PledgeConfirmation>();
    public DbSet<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey> DataProtectionKeys =>
        Set<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
        builder.Entity<StaffUser>(b =>
        {
            b.Property(u => u.DisplayName).HasMaxLength(100);
            b.Property(u => u.DisabledAt);
            b.HasOne<College>().WithMany().HasForeignKey(u => u.CollegeId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<DataProtectionKey>(b =>
        {
            b.Property(k => k.FriendlyName).HasMaxLength(256);
            b.Property(k => k.Xml).HasMaxLength(8000);
        });
        ApplyScopeFilters(builder);
    }

    // Filters never follow a navigation into another filtered entity that could lead back here
    // (EF would expand them forever): an assistant's rooms are ids in the scope, not a join.
    private void ApplyScopeFilters(ModelBuilder builder)
    {
        builder.Entity<Candidate>().HasQueryFilter(c =>
            Scope.AllColleges
            || c.CollegeId == Scope.CollegeId
            || c.Id == Scope.CandidateId
            || (Scope.AssistantUserId != null && c.Interviews.Any(i => Scope.RoomIds.Contains(i.ExamRoomId))));

        builder.Entity<ExamRoom>().HasQueryFilter(r =>
            Scope.AllColleges
            || r.CollegeId == Scope.CollegeId
            || Scope.RoomIds.Contains(r.Id)
            || (Scope.CandidateId != null && Interviews.Any(i => i.ExamRoomId == r.Id && i.CandidateId == Scope.CandidateId)));

        builder.Entity<Interview>().HasQueryFilter(i =>
            Scope.AllColleges
            || i.CollegeId == Scope.CollegeId
            || i.CandidateId == Scope.CandidateId
            || Scope.RoomIds.Contains(i.ExamRoomId));

        builder.Entity<IdVerification>().HasQueryFilter(v =>
            Scope.AllColleges
            || v.Interview.CollegeId == Scope.CollegeId
            || v.CandidateId == Scope.CandidateId
            || Scope.RoomIds.Contains(v.Interview.ExamRoomId));

        builder.Entity<MeetingInvitation>().HasQueryFilter(m =>
            Scope.AllColleges
            || m.Interview.CollegeId == Scope.CollegeId
            || m.Interview.CandidateId == Scope.CandidateId
            || Scope.RoomIds.Contains(m.Interview.ExamRoomId));

        builder.Entity<RoomMeeting>().HasQueryFilter(m =>
            Scope.AllColleges || m.ExamRoom.CollegeId == Scope.CollegeId || Scope.RoomIds.Contains(m.ExamRoomId)
            || (Scope.CandidateId != null && Interviews.Any(i => i.ExamRoomId == m.ExamRoomId && i.CandidateId == Scope.CandidateId)));

        builder.Entity<AssignmentReport>().HasQueryFilter(r =>
            Scope.AllColleges || r.CollegeId == Scope.CollegeId || r.CandidateId == Scope.CandidateId);

        builder.Entity<PhoneChangeRequest>().HasQueryFilter(r =>
            Scope.AllColleges || r.CollegeId == Scope.CollegeId || r.CandidateId == Scope.CandidateId);
    }
}
