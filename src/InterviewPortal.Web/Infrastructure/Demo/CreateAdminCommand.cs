using InterviewPortal.Data.Staff;
using Microsoft.AspNetCore.Identity;

namespace InterviewPortal.Web.Infrastructure.Demo;

/// <summary>
/// `InterviewPortal.Web create-admin --user NAME --password SECRET`: how production gets its first admin
/// (demo data is never seeded there). Prints what it did and exits. The new admin enrols an authenticator app at
/// first sign-in (Pages/Account/TwoFactor), since production requires it of admins.
/// </summary>
public static class CreateAdminCommand
{
    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] == "create-admin";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        var user = Option(args, "--user");
        var password = Option(args, "--password") ?? Environment.GetEnvironmentVariable("PORTAL_ADMIN_PASSWORD");
        if (string.IsNullOrWhiteSpace(user) || string.IsNullOrWhiteSpace(password))
        {
            await Console.Error.WriteLineAsync("usage: create-admin --user NAME --password SECRET (or PORTAL_ADMIN_PASSWORD in the environment)");
            return 2;
        }
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        await DemoSeeder.EnsureRolesAsync(scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>());
        if (await users.FindByNameAsync(user) is not null)
        {
            await Console.Error.WriteLineAsync($"A user named {user} already exists; nothing changed.");
            return 1;
        }
        var admin = new StaffUser { UserName = user, DisplayName = user };
        var created = await users.CreateAsync(admin, password);
        if (created.Succeeded)
            created = await users.AddToRoleAsync(admin, StaffRoles.Admin);
        if (!created.Succeeded)
        {
            await Console.Error.WriteLineAsync(string.Join(Environment.NewLine, created.Errors.Select(e => e.Description)));
            return 1;
        }
        Console.WriteLine($"Created admin {user}.");
        // The first admin enrols on first sign-in: with Auth:RequireAdminTwoFactor (the default outside demo mode) the
        // portal opens nothing but the enrolment page after the password until an authenticator code is confirmed.
        Console.WriteLine("Sign in at /Account/Login: the portal then asks you to enrol an authenticator app (Auth:RequireAdminTwoFactor) and shows your recovery codes once.");
        return 0;
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
