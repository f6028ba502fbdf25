namespace InterviewPortal.Data.Access;

/// <summary>
/// What the current caller may see. <see cref="PortalDbContext"/> turns it into global query filters on
/// candidates, rooms, interviews and everything hanging off them, so a handler cannot forget the scope:
/// a secretary sees one college, an assistant the rooms that name them, a candidate only themself.
/// Code that must look across scopes (uniqueness checks, the scheduler) says so with IgnoreQueryFilters().
/// </summary>
public sealed class AccessScope
{
    private AccessScope(string actor) => Actor = actor;

    /// <summary>Admin and background jobs: everything.</summary>
    public bool AllColleges { get; private init; }
    public int? CollegeId { get; private init; }
    public string? AssistantUserId { get; private init; }

    /// <summary>The rooms an assistant staffs, read when the scope is built; empty for everyone else.</summary>
    public IReadOnlyList<int> RoomIds { get; private init; } = [];
    public int? CandidateId { get; private init; }

    /// <summary>Who is acting, for audit entries: a staff user name, "candidate:{id}" or "system".</summary>
    public string Actor { get; }

    public static AccessScope System { get; } = new("system") { AllColleges = true };
    public static AccessScope Nobody { get; } = new("anonymous");

    public static AccessScope Admin(string userName) => new(userName) { AllColleges = true };
    public static AccessScope Secretary(string userName, int collegeId) => new(userName) { CollegeId = collegeId };
    public static AccessScope Assistant(string userName, string userId, IReadOnlyList<int> roomIds) =>
        new(userName) { AssistantUserId = userId, RoomIds = roomIds };
    public static AccessScope Candidate(int candidateId) => new($"candidate:{candidateId}") { CandidateId = candidateId };

    public bool IsStaff => AllColleges || CollegeId is not null || AssistantUserId is not null;

    /// <summary>
    /// Whether the caller plans for the college: every college for the admin and jobs, their own for a secretary, none
    /// for an assistant or a candidate. For colleges and majors, which carry no query filter (everyone may read their names).
    /// </summary>
    public bool Covers(int collegeId) => AllColleges || CollegeId == collegeId;

    /// <summary>The majors of the colleges the scope <see cref="Covers"/>, as a query.</summary>
    public IQueryable<Colleges.Major> CoveredMajors(IQueryable<Colleges.Major> majors) =>
        AllColleges ? majors : majors.Where(m => m.CollegeId == CollegeId);
}
