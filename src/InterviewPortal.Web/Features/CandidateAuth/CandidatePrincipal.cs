using System.Globalization;
using System.Security.Claims;
using InterviewPortal.Web.Infrastructure.Auth;

namespace InterviewPortal.Web.Features.CandidateAuth;

/// <summary>The principal a signed-in candidate carries, the same for the cookie and the bearer token.</summary>
public static class CandidatePrincipal
{
    public static ClaimsPrincipal Create(VerifiedCandidate candidate, string authenticationType)
    {
        var id = candidate.Id.ToString(CultureInfo.InvariantCulture);
        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, $"candidate:{id}"),
            new Claim(ClaimTypes.Name, candidate.ExamNumber),
            new Claim(ClaimTypes.Role, CandidateRole.Name),
            new Claim(PortalClaims.CandidateId, id),
            // The session ends when the phone changes (SessionStamps compares this with the candidate's current stamp).
            new Claim(PortalClaims.SessionStamp, candidate.SessionStamp ?? ""),
        ], authenticationType, ClaimTypes.Name, ClaimTypes.Role);
        return new ClaimsPrincipal(identity);
    }

    /// <summary>The signed-in candidate's id, read back from the claim <see cref="Create"/> puts on; the Candidate policy guarantees the claim.</summary>
    public static int CandidateId(this ClaimsPrincipal user) =>
        int.Parse(user.FindFirstValue(PortalClaims.CandidateId) ?? throw new InvalidOperationException("Not a candidate principal."), CultureInfo.InvariantCulture);
}
