using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace InterviewPortal.Web.Features.CandidateAuth;

/// <summary>
/// Makes and checks sign-in codes. Codes are stored only as HMAC-SHA256 under a server secret, so a leaked
/// table does not give out codes (a bare hash of six digits would be reversed in a millisecond).
/// </summary>
public sealed class SignInCodeHasher
{
    private readonly byte[] pepper;

    public SignInCodeHasher(IOptions<CandidateSignInOptions> options, IConfiguration configuration)
    {
        var configured = options.Value.Pepper;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            pepper = Convert.FromBase64String(configured);
            return;
        }
        var root = Path.GetFullPath(configuration["Storage:Root"] ?? "App_Data");
        var keyFile = Path.Combine(root, "keys", "signin-code.key");
        pepper = LoadOrCreate(keyFile);
    }

    /// <summary>Six digits from a cryptographic generator, leading zeros kept.</summary>
    public static string NewCode() =>
        RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    public string Hash(string phone, string code)
    {
        var mac = HMACSHA256.HashData(pepper, Encoding.UTF8.GetBytes($"{phone}:{code}"));
        return Convert.ToHexString(mac);
    }

    /// <summary>A phone's name where attempts are counted (the audit trail): keyed, so the table does not list the numbers tried.</summary>
    public string PhoneKey(string phone) => Hash(phone, "attempts");

    /// <summary>Constant-time compare, so response timing says nothing about how close a guess was.</summary>
    public bool Matches(string phone, string code, string storedHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(phone, code)), Encoding.ASCII.GetBytes(storedHash));

    private static byte[] LoadOrCreate(string keyFile)
    {
        if (File.Exists(keyFile))
            return Convert.FromBase64String(File.ReadAllText(keyFile).Trim());
        Directory.CreateDirectory(Path.GetDirectoryName(keyFile)!);
        var generated = RandomNumberGenerator.GetBytes(32);
        try
        {
            using var stream = new FileStream(keyFile, FileMode.CreateNew, FileAccess.Write);
            stream.Write(Encoding.ASCII.GetBytes(Convert.ToBase64String(generated)));
        }
        catch (IOException) when (File.Exists(keyFile))
        {
            // Another process created it first: use theirs so both hash alike.
            return Convert.FromBase64String(File.ReadAllText(keyFile).Trim());
        }
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(keyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return generated;
    }
}
