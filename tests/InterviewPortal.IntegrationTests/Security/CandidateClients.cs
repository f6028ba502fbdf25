using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Claims;
using InterviewPortal.IntegrationTests.Infrastructure;
using InterviewPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace InterviewPortal.IntegrationTests.Security;

/// <summary>
/// A candidate bearer client without the code sign-in: protects a ticket with the app's own bearer-token
/// protector, the same principal shape the candidate sign-in issues (role Candidate, candidate_id claim).
/// </summary>
public static class CandidateClients
{
    public static HttpClient ClientForCandidate(this PortalFactory portal, int candidateId, WebApplicationFactoryClientOptions? options = null)
    {
        var client = options is null ? portal.CreateClient() : portal.CreateClient(options);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", CandidateToken(portal, candidateId));
        return client;
    }

    public static string CandidateToken(PortalFactory portal, int candidateId)
    {
        var options = portal.Services.GetRequiredService<IOptionsMonitor<BearerTokenOptions>>().Get(AuthSchemes.Bearer);
        var id = candidateId.ToString(CultureInfo.InvariantCulture);
        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, $"candidate:{id}"),
            new Claim(ClaimTypes.Name, $"candidate:{id}"),
            new Claim(ClaimTypes.Role, CandidateRole.Name),
            new Claim(PortalClaims.CandidateId, id),
        ], AuthSchemes.Bearer);
        var properties = new AuthenticationProperties { ExpiresUtc = DateTimeOffset.UtcNow.AddHours(1), IssuedUtc = DateTimeOffset.UtcNow };
        return options.BearerTokenProtector.Protect(new AuthenticationTicket(new ClaimsPrincipal(identity), properties, AuthSchemes.Bearer));
    }
}
