using System.ComponentModel.DataAnnotations;

namespace InterviewPortal.Web.Infrastructure.Auth;

/// <summary>How long a session may live and how soon a revoked one is noticed (section "Auth").</summary>
public sealed class SessionLimits
{
    public const string Section = "Auth";

    /// <summary>
    /// How long this node trusts what it last read of an account's stamp. A revocation made on this node counts at once;
    /// one made on another node within this many seconds. 0 reads the database on every request.
    /// </summary>
    [Range(0, 60)]
    public double StampCheckSeconds { get; set; } = 60;

    /// <summary>No session (cookie, or bearer token with its refreshes) outlives this many hours from sign-in, however busy.</summary>
    [Range(0.01, 24)]
    public double MaxSessionHours { get; set; } = 10;

    public TimeSpan StampCheckInterval => TimeSpan.FromSeconds(StampCheckSeconds);
    public TimeSpan MaxSession => TimeSpan.FromHours(MaxSessionHours);
}
