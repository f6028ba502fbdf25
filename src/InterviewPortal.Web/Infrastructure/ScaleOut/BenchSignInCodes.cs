using System.Net;
using System.Text.RegularExpressions;
using InterviewPortal.Data;
using InterviewPortal.Data.Access;
using InterviewPortal.Web.Features.CandidateAuth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.Web.Infrastructure.ScaleOut;

/// <summary>
/// Bench only (bench/run-exam-morning.sh): the newest sign-in code the simulated WeLink gateway "sent" to a phone,
/// read from its outbox table, so thousands of scripted candidates can sign in as real ones do. A candidate's code is
/// a credential, so this exists only where all three hold: Bench:Enabled is true, the environment is not Production
/// (checked when the routes are mapped: in Production the route does not exist even with Bench:Enabled), and the
/// caller is on this machine (the connection's address after the trusted proxy's forwarded header, so a request
/// relayed from outside by a local proxy is refused too). Refused and unknown look the same: 404. Not in Swagger.
/// With the HTTP gateway nothing is recorded, so it finds nothing.
/// </summary>
public static partial class BenchSignInCodes
{
    public const string Path = "/bench/sign-in-code";

    public static bool Allowed(IConfiguration configuration, IHostEnvironment environment) =>
        configuration.GetValue("Bench:Enabled", false) && !environment.IsProduction();

    public static void MapBenchSignInCodes(this IEndpointRouteBuilder app) =>
        app.MapGet(Path, NewestCodeAsync).AllowAnonymous().ExcludeFromDescription();

    private static async Task<Results<Ok<BenchCode>, NotFound>> NewestCodeAsync(
        string? phone, HttpContext http, IDbContextFactory<PortalDbContext> contexts, CancellationToken ct)
    {
        if (http.Connection.RemoteIpAddress is not { } address || !IPAddress.IsLoopback(address) || string.IsNullOrWhiteSpace(phone))
            return TypedResults.NotFound();
        await using var db = contexts.CreateDbContext().WithScope(AccessScope.System);
        var text = await db.GatewayOutbox.AsNoTracking()
            .Where(r => r.Recipient == phone && r.Kind == SignInCodeMessage.Kind)
            .OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).Select(r => r.Text).FirstOrDefaultAsync(ct);
        return text is not null && SixDigits().Match(text) is { Success: true } code
            ? TypedResults.Ok(new BenchCode(code.Value))
            : TypedResults.NotFound();
    }

    public sealed record BenchCode(string Code);

    [GeneratedRegex(@"(?<!\d)\d{6}(?!\d)")]
    private static partial Regex SixDigits();
}
