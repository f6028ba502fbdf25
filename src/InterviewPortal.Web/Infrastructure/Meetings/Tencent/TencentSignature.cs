using System.Security.Cryptography;
using System.Text;

namespace InterviewPortal.Web.Infrastructure.Meetings.Tencent;

/// <summary>
/// Tencent Meeting's AK/SK signature (backup-meeting-api.md "Calls and signing"): HMAC-SHA256 with the SecretKey over
/// METHOD \n X-TC-Key=..&amp;X-TC-Nonce=..&amp;X-TC-Timestamp=.. \n path-and-query \n body, then base64 of the
/// lowercase hex string (not of the raw digest).
/// </summary>
public static class TencentSignature
{
    public static string Compute(string secretKey, string method, string secretId, string nonce, string timestamp, string requestUri, byte[] body)
    {
        var head = Encoding.UTF8.GetBytes($"{method}\nX-TC-Key={secretId}&X-TC-Nonce={nonce}&X-TC-Timestamp={timestamp}\n{requestUri}\n");
        // The body is signed as the exact bytes sent, appended without re-encoding.
        var signed = new byte[head.Length + body.Length];
        head.CopyTo(signed, 0);
        body.CopyTo(signed, head.Length);
        var hex = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secretKey), signed));
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(hex));
    }
}
