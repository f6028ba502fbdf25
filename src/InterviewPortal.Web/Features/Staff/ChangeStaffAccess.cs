using FluentValidation;
using InterviewPortal.Data;
using InterviewPortal.Data.Staff;
using InterviewPortal.Web.Features.Audit;
using InterviewPortal.Web.Features.Shared;
using InterviewPortal.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.Web.Features.Staff;

public sealed record StaffRoleInput(string? Role, int? CollegeId)
{
    public StaffRoleInput() : this(null, null) { }
}

public sealed class StaffRoleInputValidator : AbstractValidator<StaffRoleInput>
{
    public StaffRoleInputValidator()
    {
        RuleFor(s => s.Role).Must(r => StaffRoles.All.Contains(r))
            .WithMessage(_ => Texts.Get("Staff.TheRoleIsAdminSecretaryOr"));
        RuleFor(s => s.CollegeId).NotNull().When(s => s.Role == StaffRoles.Secretary)
            .WithMessage(_ => Texts.Get("Staff.ASecretaryBelongsToOneCollege"));
    }
}

/// <summary>
/// What an admin changes about who a staff account is: disable, enable, role and college. Each change that narrows or
/// moves the account's access renews its security stamp, which ends every cookie, token and live connection it holds
/// (SessionStamps notices at once on this node, within Auth:StampCheckSeconds on the others). An admin cannot disable
/// their own account or change their own role: the portal would be left with nobody able to undo it.
/// </summary>
public sealed class ChangeStaffAccessHandler(PortalDbContext db, UserManager<StaffUser> users, TimeProvider clock)
{
    public async Task<Outcome<Done>> DisableAsync(string id, string? actorId, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
            return Outcome.NotFound();
        if (user.Id == actorId)
            return Outcome.Conflict(Texts.Get("Staff.YouCannotDisableYourOwnAccount"));
        if (user.DisabledAt is null)
        {
            user.DisabledAt = clock.GetUtcNow().UtcDateTime;
            await users.UpdateSecurityStampAsync(user);
            db.Record("staff.disabled", nameof(StaffUser), user.UserName);
            await db.SaveChangesAsync(ct);
        }
        return Outcome.Success();
    }

    public async Task<Outcome<Done>> EnableAsync(string id, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
            return Outcome.NotFound();
        if (user.DisabledAt is not null)
        {
            user.DisabledAt = null;
            await users.UpdateAsync(user);
            db.Record("staff.enabled", nameof(StaffUser), user.UserName);
            await db.SaveChangesAsync(ct);
        }
        return Outcome.Success();
    }

    public async Task<Outcome<Done>> ChangeRoleAsync(string id, StaffRoleInput input, string? actorId, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
            return Outcome.NotFound();
        if (user.Id == actorId)
            return Outcome.Conflict(Texts.Get("Staff.YouCannotChangeYourOwnRole"));
        var collegeId = input.Role == StaffRoles.Secretary ? input.CollegeId : null;
        if (collegeId is not null && !await db.Colleges.AnyAsync(c => c.Id == collegeId, ct))
            return Outcome.Invalid("collegeId", Texts.Get("Staff.NoSuchCollege"));
        var roles = await users.GetRolesAsync(user);
        if (roles.Count == 1 && roles[0] == input.Role && user.CollegeId == collegeId)
            return Outcome.Success();
        if (roles.Count > 0)
            await users.RemoveFromRolesAsync(user, roles);
        await users.AddToRoleAsync(user, input.Role!);
        user.CollegeId = collegeId;
        // Last, and saved with the college: until this save the old stamp (and so the old sessions) still stood.
        await users.UpdateSecurityStampAsync(user);
        db.Record("staff.role-changed", nameof(StaffUser), user.UserName,
            $"role {string.Join(",", roles)} → {input.Role}, college {collegeId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}");
        await db.SaveChangesAsync(ct);
        return Outcome.Success();
    }
}
