namespace InterviewPortal.Web.Features.Candidates;

/// <summary>
/// The one mobile-number rule (candidate form, import, sign-in, phone change): 11 ASCII digits, a mainland number
/// starting 13–19. Not a regex: <c>\d</c> would also take full-width and other Unicode digits.
/// </summary>
public static class MobilePhone
{
    public static string Normalize(string? phone) => (phone ?? "").Trim();

    /// <summary>Whether the value, once <see cref="Normalize"/>d, is a mainland mobile number.</summary>
    public static bool IsValid(string? phone)
    {
        var p = Normalize(phone);
        return p.Length == 11 && p[0] == '1' && p[1] is >= '3' and <= '9' && p.All(char.IsAsciiDigit);
    }
}
