using System.Globalization;
using System.Security.Claims;
using FluentValidation;
using InterviewPortal.Data;
using InterviewPortal.Data.Staff;
using InterviewPortal.Web.Features.CandidateAuth;
using InterviewPortal.Web.Infrastructure.Auth;
using InterviewPortal.Web.Infrastructure.Localization;
using InterviewPortal.Web.Infrastructure.Validation;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InterviewPortal.Web.Features.Auth;

public sealed record RefreshTokenRequest(string? RefreshToken);

public sealed class RefreshTokenValidator : AbstractValidator<RefreshTokenRequest>
{
    public RefreshTokenValidator() => RuleFor(r => r.RefreshToken).NotEmpty().MaximumLength(8192);
}

/// <summary>
/// POST /api/v1/auth/refresh: a refresh token (from /auth/token, /candidate/auth/token or an earlier refresh) for a new
/// short-lived access token and a new refresh token. The account is read afresh: a changed stamp (password reset,
/// role or scope change, phone change), a disabled or removed account, or a session past its cap is refused with 401.
/// </summary>
public static class RefreshStaffToken
{
    public static RouteGroupBuilder MapTokenRefresh(this RouteGroupBuilder auth)
    {
        auth.MapPost("/refresh", RefreshAsync).Validate<RefreshTokenRequest>()
            .RequireRateLimiting(RateLimits.SignIn).Produces<AccessTokenResponse>().ProducesProblem(StatusCodes.Status401Unauthorized)
            .WithSummary("Exchange a refresh token for a new access token; refused once the account's sessions were ended.");
        return auth;
    }

    public static async Task<Results<SignInHttpResult, ProblemHttpResult>> RefreshAsync(
        RefreshTokenRequest request, IOptionsMonitor<BearerTokenOptions> bearer, IOptions<SessionLimits> sessions,
        SessionStamps stamps, SignInManager<StaffUser> signIn, PortalDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var options = bearer.Get(AuthSchemes.Bearer);
        var ticket = options.RefreshTokenProtector.Unprotect(request.RefreshToken);
        var now = clock.GetUtcNow();
        if (ticket?.Properties.ExpiresUtc is not { } expires || now >= expires)
            return Refused();
        // Tokens issued at sign-in carry no sign-in time: their refresh token was made then, living exactly RefreshTokenExpiration.
        var signedIn = long.TryParse(ticket.Principal.FindFirstValue(PortalClaims.SignedInAt), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : expires - options.RefreshTokenExpiration;
        if (now - signedIn > sessions.Value.MaxSession || !await stamps.IsCurrentAsync(ticket.Principal, fresh: true, ct))
            return Refused();
        var principal = await PrincipalAsync(ticket.Principal, stamps, signIn, db, ct);
        if (principal is null)
            return Refused();
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(PortalClaims.SignedInAt,
            signedIn.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), ClaimValueTypes.Integer64));
        return TypedResults.SignIn(principal, authenticationScheme: AuthSchemes.Bearer);
    }

    /// <summary>A new principal from the account as it is now, the same one sign-in would give.</summary>
    private static async Task<ClaimsPrincipal?> PrincipalAsync(
        ClaimsPrincipal old, SessionStamps stamps, SignInManager<StaffUser> signIn, PortalDbContext db, CancellationToken ct)
    {
        if (stamps.Describe(old) is not { } owner)
            return null;
        if (owner.IsCandidate)
        {
            var id = int.Parse(owner.Id, CultureInfo.InvariantCulture);
            var candidate = await db.Candidates.IgnoreQueryFilters().AsNoTracking().Where(c => c.Id == id)
                .Select(c => new VerifiedCandidate(c.Id, c.ExamNumber, c.SessionStamp)).FirstOrDefaultAsync(ct);
            return candidate is null ? null : CandidatePrincipal.Create(candidate, AuthSchemes.Bearer);
        }
        var user = await signIn.UserManager.FindByIdAsync(owner.Id);
        return user is null || user.DisabledAt is not null ? null : await signIn.CreateUserPrincipalAsync(user);
    }

    private static ProblemHttpResult Refused() =>
        TypedResults.Problem(title: Texts.Get("Auth.SignInRefused"), detail: Texts.Get("Auth.TheRefreshTokenIsNotValid"), statusCode: StatusCodes.Status401Unauthorized);
}
