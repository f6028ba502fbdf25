using InterviewPortal.IntegrationTests.Infrastructure;

namespace InterviewPortal.IntegrationTests.Security;

/// <summary>
/// ASVS 14.5.3: no other origin may read the API with the caller's credentials. The portal enables no CORS at all,
/// so a preflight from another site and a credentialed read from it carry no Access-Control-Allow-* header, and the
/// browser keeps the answer from the other site's script.
/// </summary>
public sealed class CorsTests(SqlitePortalFactory portal) : IClassFixture<SqlitePortalFactory>
{
    [Theory]
    [InlineData("https://club.example.edu.cn", "/api/v1/candidates", "POST")]
    [InlineData("https://evil.example", "/api/v1/me", "GET")]
    [InlineData("null", "/api/v1/auth/token", "POST")]
    public async Task Another_origin_gets_no_cors_permission_for_a_preflight_or_a_read(string origin, string path, string method)
    {
        var admin = await portal.ClientForStaffAsync("admin");
        var preflight = new HttpRequestMessage(HttpMethod.Options, path);
        preflight.Headers.Add("Origin", origin);
        preflight.Headers.Add("Access-Control-Request-Method", method);
        preflight.Headers.Add("Access-Control-Request-Headers", "content-type, authorization");
        var read = new HttpRequestMessage(HttpMethod.Get, "/api/v1/candidates");
        read.Headers.Add("Origin", origin);

        foreach (var response in new[] { await admin.SendAsync(preflight), await admin.SendAsync(read) })
        {
            Assert.True((int)response.StatusCode < 500, $"{response.RequestMessage!.Method} answered {(int)response.StatusCode}");
            Assert.DoesNotContain(response.Headers, h => h.Key.StartsWith("Access-Control-Allow", StringComparison.OrdinalIgnoreCase));
        }
    }
}
