using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace InterviewPortal.Web.Infrastructure.Auth;

/// <summary>
/// The bearer scheme requests are authenticated with: ASP.NET Core's bearer-token handler reads and unprotects the
/// token (it has no hook after that), then this one refuses it when the account's stamp moved on or the staff account
/// was disabled (<see cref="SessionStamps"/>). Tokens are still issued by, and challenges answered by, the inner scheme.
/// </summary>
public sealed class CheckedBearerHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, SessionStamps stamps)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var inner = await Context.AuthenticateAsync(AuthSchemes.Bearer);
        if (!inner.Succeeded)
            return inner.Failure is { } failure ? AuthenticateResult.Fail(failure) : AuthenticateResult.NoResult();
        if (!await stamps.IsCurrentAsync(inner.Principal, fresh: false, Context.RequestAborted))
            return AuthenticateResult.Fail("The session has ended: the account's password, role, scope or phone changed, or it was disabled.");
        return AuthenticateResult.Success(new AuthenticationTicket(inner.Principal, inner.Properties, Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) => Context.ChallengeAsync(AuthSchemes.Bearer, properties);

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) => Context.ForbidAsync(AuthSchemes.Bearer, properties);
}
