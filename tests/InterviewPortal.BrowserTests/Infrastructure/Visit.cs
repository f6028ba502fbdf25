using InterviewPortal.Web.Infrastructure.Localization;

namespace InterviewPortal.BrowserTests.Infrastructure;

/// <summary>
/// Who opens the browser and how: <see cref="As"/> is <see cref="Anonymous"/> or a demo staff user name
/// (signed in through /Account/Login before the test body runs), <see cref="Culture"/> is switched through
/// /culture/{name} like a user would, <see cref="Viewport"/> defaults to a laptop screen.
/// </summary>
public sealed record Visit(string As = Visit.Anonymous, string Culture = Lang.Chinese)
{
    public const string Anonymous = "anonymous";

    /// <summary>Some demo candidate with an interview; "candidate:13800000000" names one by phone.</summary>
    public const string Candidate = "candidate";
    public const string CandidatePrefix = "candidate:";

    public static Visit CandidateWith(string phone) => new(CandidatePrefix + phone);

    /// <summary>The phone of a "candidate:&lt;phone&gt;" visit; null for staff and anonymous.</summary>
    public string? CandidatePhone => As.StartsWith(CandidatePrefix, StringComparison.Ordinal) ? As[CandidatePrefix.Length..] : null;

    /// <summary>The five demo staff accounts (password Demo#2026).</summary>
    public static readonly string[] StaffAccounts = ["admin", "secretary1", "secretary2", "assistant1", "assistant2"];

    public static readonly ViewportSize Laptop = new() { Width = 1280, Height = 800 };
    public static readonly ViewportSize Phone = new() { Width = 375, Height = 812 };

    public ViewportSize Viewport { get; init; } = Laptop;

    /// <summary>Turns the page's Content-Security-Policy off in this context, so axe-core can be injected.</summary>
    public bool BypassCsp { get; init; }

    public bool IsAnonymous => As == Anonymous;
}
