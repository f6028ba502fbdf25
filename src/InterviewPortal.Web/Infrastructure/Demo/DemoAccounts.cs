using InterviewPortal.Data.Staff;
using InterviewPortal.Web.Infrastructure.Database;
using InterviewPortal.Web.Infrastructure.Health;
using Microsoft.AspNetCore.Identity;

namespace InterviewPortal.Web.Infrastructure.Demo;

/// <summary>
/// The demo staff accounts (admin, secretaryN, assistantN, password Demo#2026) exist only in demo mode. A production
/// database that still holds one with the demo password (a demo database promoted, a seeded copy restored) gets it
/// disabled at start, its password removed and its security stamp renewed, with one warning line: the portal still
/// starts on exam morning, and nobody signs in with a password printed in the README.
/// </summary>
public static class DemoAccounts
{
    public static IEnumerable<string> UserNames =>
        ["admin", .. Enumerable.Range(1, DemoUniversity.Colleges.Length).SelectMany(i => new[] { $"secretary{i}", $"assistant{i}" })];

    /// <summary>Seeds the demo university in demo mode; in production retires leftover demo accounts; elsewhere does nothing.</summary>
    public static async Task SeedOrRetireAsync(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        if (app.Services.GetRequiredService<DatabaseOptions>().Demo)
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();
        else if (ProductionMode.Applies(app.Configuration, app.Environment))
            await RetireAsync(scope.ServiceProvider);
    }

    private static async Task RetireAsync(IServiceProvider services)
    {
        var users = services.GetRequiredService<UserManager<StaffUser>>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var retired = new List<string>();
        foreach (var name in UserNames)
        {
            // Only an account that still opens with the demo password: one whose password was changed is a real account now.
            if (await users.FindByNameAsync(name) is not { } user || !await users.CheckPasswordAsync(user, DemoUniversity.Password))
                continue;
            user.DisabledAt ??= now;
            var removed = await users.RemovePasswordAsync(user); // saves DisabledAt too, and renews the security stamp
            if (!removed.Succeeded)
                throw new InvalidOperationException($"Could not disable demo account {name}: {string.Join("; ", removed.Errors.Select(e => e.Description))}");
            retired.Add(name);
        }
        if (retired.Count > 0)
            services.GetRequiredService<ILogger<DemoSeeder>>().LogWarning(
                "Demo accounts still had the demo password outside demo mode and were disabled, their password removed: {UserNames}; an admin may enable one after setting a new password",
                string.Join(", ", retired));
    }
}
