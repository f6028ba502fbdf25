using Hangfire.Dashboard;
using InterviewPortal.Data.Staff;
using InterviewPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Authentication;

namespace InterviewPortal.Web.Infrastructure.Jobs;

/// <summary>Only an admin (cookie or bearer, through the Portal scheme) sees /hangfire; Hangfire answers 401 or 403 otherwise.</summary>
public sealed class AdminDashboardAuthorizationFilter : IDashboardAsyncAuthorizationFilter
{
    public async Task<bool> AuthorizeAsync(DashboardContext context)
    {
        var http = context.GetHttpContext();
        var user = http.User;
        if (user.Identity?.IsAuthenticated != true)
        {
            var result = await http.AuthenticateAsync(AuthSchemes.Portal);
            if (result.Succeeded)
                user = http.User = result.Principal;
        }
        return user.Identity?.IsAuthenticated == true && user.IsInRole(StaffRoles.Admin);
    }
}
