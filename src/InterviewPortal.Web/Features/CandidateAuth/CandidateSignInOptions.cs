using System.ComponentModel.DataAnnotations;

namespace InterviewPortal.Web.Features.CandidateAuth;

/// <summary>
/// Limits on phone sign-in codes (section "CandidateSignIn"). A six-digit code carries only ~20 bits, so the
/// per-phone limits below, together with the per-address rate limit, are what keeps guessing out of reach.
/// </summary>
public sealed class CandidateSignInOptions
{
    public const string Section = "CandidateSignIn";

    /// <summary>How long a code works; at most ten minutes (OWASP ASVS 2.7.2).</summary>
    [Range(10, 600)]
    public int CodeLifetimeSeconds { get; set; } = 600;

    [Range(1, 100)]
    public int MaxCodesPerHour { get; set; } = 5;

    /// <summary>Codes one address may request within an hour, whatever the numbers (stops message bombing).</summary>
    [Range(1, 10000)]
    public int MaxCodesPerAddressPerHour { get; set; } = 30;

    /// <summary>Wrong guesses one code survives before it is dead.</summary>
    [Range(1, 20)]
    public int MaxAttemptsPerCode { get; set; } = 5;

    /// <summary>Failed attempts on one phone within an hour before every attempt is refused (ASVS 2.2.1: ≤ 100).</summary>
    [Range(1, 100)]
    public int MaxFailuresPerHour { get; set; } = 100;

    /// <summary>Base64 secret for hashing codes; when absent a key file is created once under {Storage:Root}/keys.</summary>
    public string? Pepper { get; set; }
}
