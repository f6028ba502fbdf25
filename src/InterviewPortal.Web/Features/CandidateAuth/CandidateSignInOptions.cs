using System.ComponentModel.DataAnnotations;

namespace InterviewPortal.Web.Features.CandidateAuth;

/// <summary>
/// Limits on phone sign-in codes (section "CandidateSignIn"). A six-digit code carries only ~20 bits, so these limits
/// carry the weight; they are chosen so that nobody but the phone's owner pays for a stranger's attempts for longer
/// than about a minute (the arithmetic is in docs/security.md, "Candidate sign-in").
/// </summary>
public sealed class CandidateSignInOptions
{
    public const string Section = "CandidateSignIn";

    /// <summary>How long a code works; at most ten minutes (OWASP ASVS 2.7.2).</summary>
    [Range(10, 600)]
    public int CodeLifetimeSeconds { get; set; } = 600;

    /// <summary>
    /// A phone gets at most one new code this often while one of its codes still works; a request inside the
    /// cooldown answers 202 like any other (the code sent moments ago is on its way). At most a minute, so a
    /// stranger's requests never keep the owner from a fresh code for longer.
    /// </summary>
    [Range(0, 60)]
    public int CodeCooldownSeconds { get; set; } = 60;

    /// <summary>How many of a phone's newest unexpired codes work at once: a new code does not void the last one.</summary>
    [Range(1, 5)]
    public int LiveCodes { get; set; } = 3;

    /// <summary>Codes one address (an IPv6 /64) may have issued within an hour, whatever the numbers (stops message bombing).</summary>
    [Range(1, 10000)]
    public int MaxCodesPerAddressPerHour { get; set; } = 30;

    /// <summary>Wrong guesses one code survives before it is dead.</summary>
    [Range(1, 20)]
    public int MaxAttemptsPerCode { get; set; } = 5;

    /// <summary>Wrong guesses for one phone from one address (an IPv6 /64) within an hour; only that address is stopped.</summary>
    [Range(1, 100)]
    public int MaxFailuresPerAddressPerHour { get; set; } = 10;

    /// <summary>Failed (guess, code) checks on one phone within an hour before every attempt is refused (ASVS 2.2.1: ≤ 100).</summary>
    [Range(1, 100)]
    public int MaxFailuresPerHour { get; set; } = 100;

    /// <summary>Base64 secret for hashing codes; when absent a key file is created once under {Storage:Root}/keys.</summary>
    public string? Pepper { get; set; }
}
