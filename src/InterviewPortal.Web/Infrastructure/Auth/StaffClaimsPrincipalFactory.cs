using System.Security.Claims;
using InterviewPortal.Data.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace InterviewPortal.Web.Infrastructure.Auth;

/// <summary>Adds the secretary's college to the staff principal, so the scope is known without a query.</summary>
public sealed class StaffClaimsPrincipalFactory(
    UserManager<StaffUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<StaffUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(StaffUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.CollegeId is { } collegeId)
            identity.AddClaim(new Claim(PortalClaims.CollegeId, collegeId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (!string.IsNullOrEmpty(user.DisplayName))
            identity.AddClaim(new Claim("display_name", user.DisplayName));
        return identity;
    }
}
