namespace InterviewPortal.Web.Infrastructure.Auth;

/// <summary>
/// The role a signed-in candidate's principal carries (see CandidatePrincipal). Not a staff role: a candidate has no
/// Identity account, so this role is never stored, only put on the principal at sign-in.
/// </summary>
public static class CandidateRole
{
    public const string Name = "Candidate";
}
