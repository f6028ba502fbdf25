namespace InterviewPortal.Web.Infrastructure.Demo;

/// <summary>Builds valid-looking demo ID numbers: region code, a real birth date, a sequence and the GB 11643 check digit.</summary>
public static class ChineseIds
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckChars = "10X98765432";

    public static char CheckDigit(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
            sum += (first17[i] - '0') * Weights[i];
        return CheckChars[sum % 11];
    }

    public static string Make(string region, DateOnly birth, int sequence)
    {
        var body = $"{region}{birth:yyyyMMdd}{sequence % 1000:D3}";
        return body + CheckDigit(body);
    }
}
