using InterviewPortal.Web.Features.Shared;
using FluentValidation;
using InterviewPortal.Data;
using InterviewPortal.Data.Staff;
using InterviewPortal.Web.Features.Audit;
using InterviewPortal.Web.Features.Candidates;
using InterviewPortal.Web.Infrastructure.Auth;
using InterviewPortal.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.Web.Features.Staff;

public sealed record StaffAccountInput(string? UserName, string? DisplayName, string? Role, int? CollegeId, string? Password)
{
    public StaffAccountInput() : this(null, null, null, null, null) { }
}

public sealed class StaffAccountInputValidator : AbstractValidator<StaffAccountInput>
{
    public StaffAccountInputValidator()
    {
        RuleFor(s => s.UserName).Matches("^[A-Za-z0-9._-]{3,64}$")
            .WithMessage(_ => Texts.Get("Staff.TheUserNameIs364"));
        RuleFor(s => s.UserName).NotEmpty().WithMessage(_ => Texts.Get("Staff.TheUserNameIsRequired"));
        RuleFor(s => s.DisplayName).Must(n => !string.IsNullOrWhiteSpace(n) && n.Trim().Length <= 100)
            .WithMessage(_ => Texts.Get("Staff.TheDisplayNameIsRequiredAt"));
        RuleFor(s => s.Role).Must(r => StaffRoles.All.Contains(r))
            .WithMessage(_ => Texts.Get("Staff.TheRoleIsAdminSecretaryOr"));
        RuleFor(s => s.CollegeId).NotNull().When(s => s.Role == StaffRoles.Secretary)
            .WithMessage(_ => Texts.Get("Staff.ASecretaryBelongsToOneCollege"));
        RuleFor(s => s.Password).NotEmpty().MinimumLength(8).MaximumLength(128)
            .WithMessage(_ => Texts.Get("Staff.ThePasswordHasAtLeast8"));
    }
}

public sealed record StaffAccountItem(string Id, string UserName, string DisplayName, string Role, int? CollegeId, string? CollegeName, bool LockedOut, DateTime? DisabledAt)
{
    public bool Disabled => DisabledAt is not null;
}

/// <summary>The admin's staff accounts: list, create (a secretary bound to one college), reset a password, lift a lockout.</summary>
public sealed class StaffAccountsHandler(PortalDbContext db, UserManager<StaffUser> users, TimeProvider clock, StaffSignInLimiter limiter)
{
    public async Task<List<StaffAccountItem>> ListAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name }).ToListAsync(ct);
        var colleges = await db.Colleges.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var staff = await db.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(ct);
        return staff.Select(u => new StaffAccountItem(u.Id, u.UserName!, u.DisplayName,
            roles.FirstOrDefault(r => r.UserId == u.Id)?.Name ?? "",
            u.CollegeId, u.CollegeId is { } c && colleges.TryGetValue(c, out var name) ? name : null,
            u.LockoutEnd > now || limiter.AtCeiling(u.NormalizedUserName ?? ""), u.DisabledAt)).ToList();
    }

    public async Task<Outcome<Done>> CreateAsync(StaffAccountInput input, CancellationToken ct)
    {
        var collegeId = input.Role == StaffRoles.Secretary ? input.CollegeId : null;
        if (collegeId is not null && !await db.Colleges.AnyAsync(c => c.Id == collegeId, ct))
            return Outcome.Invalid("collegeId", Texts.Get("Staff.NoSuchCollege"));
        if (await users.FindByNameAsync(input.UserName!) is not null)
            return Outcome.Clash("userName", Texts.Get("Staff.ThisUserNameIsTaken"));
        var user = new StaffUser { UserName = input.UserName, DisplayName = input.DisplayName!.Trim(), CollegeId = collegeId };
        var created = await users.CreateAsync(user, input.Password!);
        if (!created.Succeeded)
            return PasswordRefused(created);
        await users.AddToRoleAsync(user, input.Role!);
        db.Record("staff.created", nameof(StaffUser), user.UserName, $"role {input.Role}, college {collegeId}");
        await db.SaveChangesAsync(ct);
        return Outcome.Success();
    }

    public async Task<Outcome<Done>> ResetPasswordAsync(string id, string? password, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
            return Outcome.NotFound();
        if (string.IsNullOrEmpty(password) || password.Length < 8)
            return Outcome.Invalid("password", Texts.Get("Staff.ThePasswordHasAtLeast8"));
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var reset = await users.ResetPasswordAsync(user, token, password);
        if (!reset.Succeeded)
            return PasswordRefused(reset);
        db.Record("staff.password-reset", nameof(StaffUser), user.UserName);
        await db.SaveChangesAsync(ct);
        return Outcome.Success();
    }

    public async Task<Outcome<Done>> UnlockAsync(string id, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
            return Outcome.NotFound();
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        // The sign-in limiter's pauses and hourly count for this account (on this node) go too.
        limiter.Forget(user.NormalizedUserName!);
        db.Record("staff.unlocked", nameof(StaffUser), user.UserName);
        await db.SaveChangesAsync(ct);
        return Outcome.Success();
    }

    private static Refusal PasswordRefused(IdentityResult result) =>
        Outcome.Invalid(new Dictionary<string, string[]> { ["password"] = result.Errors.Select(e => e.Description).ToArray() });
}
