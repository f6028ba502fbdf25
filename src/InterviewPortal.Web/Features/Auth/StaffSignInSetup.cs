using InterviewPortal.Web.Infrastructure.Auth;
using InterviewPortal.Web.Infrastructure.Database;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace InterviewPortal.Web.Features.Auth;

public static class StaffSignInSetup
{
    public static IServiceCollection AddStaffSignIn(this IServiceCollection services)
    {
        services.AddOptions<StaffSignInLimitOptions>().BindConfiguration("Auth:SignIn");
        services.AddSingleton<StaffSignInLimiter>();
        services.AddSingleton(sp =>
        {
            var configuration = sp.GetRequiredService<IConfiguration>();
            var relaxed = sp.GetRequiredService<DatabaseOptions>().Demo || sp.GetRequiredService<IHostEnvironment>().IsDevelopment();
            return new StaffSignInOptions(configuration.GetValue<bool?>("Auth:RequireAdminTwoFactor") ?? !relaxed);
        });
        services.AddScoped<StaffSignIn>();
        services.AddScoped<EnrolAuthenticator>();
        // The half sign-in between the password and the code (or the enrolment) lasts minutes, not Identity's default 14 days.
        services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, o =>
        {
            o.Cookie.Name = "ip.staff.pending";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = PartialSignIn.Lifetime;
            o.SlidingExpiration = false;
        });
        return services;
    }
}
