using InterviewPortal.Data.Staff;
using Microsoft.AspNetCore.Authorization;

namespace InterviewPortal.Web.Infrastructure.Auth;

/// <summary>
/// Role policies. The scope (which college, which rooms, which candidate) is not checked here but
/// carried by the <see cref="InterviewPortal.Data.Access.AccessScope"/> that every PortalDbContext query filters by.
/// </summary>
public static class Policies
{
    public const string Admin = "Admin";
    public const string Staff = "Staff";

    /// <summary>Admin or Secretary: plan candidates, rooms and schedules.</summary>
    public const string Planner = "Planner";

    /// <summary>Assistant: the exam-day console of their rooms.</summary>
    public const string Assistant = "Assistant";

    /// <summary>Assistant or Secretary: the review queue and the photos of their scope.</summary>
    public const string Reviewer = "Reviewer";
    public const string Candidate = "Candidate";

    public static void Add(AuthorizationOptions options)
    {
        string[] schemes = [AuthSchemes.Portal];
        options.DefaultPolicy = new AuthorizationPolicyBuilder(schemes).RequireAuthenticatedUser().Build();
        options.AddPolicy(Admin, Roles(schemes, StaffRoles.Admin));
        options.AddPolicy(Staff, Roles(schemes, StaffRoles.Admin, StaffRoles.Secretary, StaffRoles.Assistant));
        options.AddPolicy(Planner, Roles(schemes, StaffRoles.Admin, StaffRoles.Secretary));
        options.AddPolicy(Assistant, Roles(schemes, StaffRoles.Assistant));
        options.AddPolicy(Reviewer, Roles(schemes, StaffRoles.Assistant, StaffRoles.Secretary));
        options.AddPolicy(Candidate, Roles(schemes, CandidateRole.Name));
    }

    private static AuthorizationPolicy Roles(string[] schemes, params string[] roles) =>
        new AuthorizationPolicyBuilder(schemes).RequireAuthenticatedUser().RequireRole(roles).Build();
}
