using Microsoft.AspNetCore.Identity;

namespace InterviewPortal.Data.Staff;

/// <summary>A staff account: Admin, Secretary (bound to <see cref="CollegeId"/>) or Assistant (bound to the rooms that name them).</summary>
public class StaffUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public int? CollegeId { get; set; }

    /// <summary>When an admin disabled the account (null: active). A disabled account cannot sign in and its sessions end.</summary>
    public DateTime? DisabledAt { get; set; }
}

public static class StaffRoles
{
    public const string Admin = "Admin";
    public const string Secretary = "Secretary";
    public const string Assistant = "Assistant";

    public static readonly string[] All = [Admin, Secretary, Assistant];
}
