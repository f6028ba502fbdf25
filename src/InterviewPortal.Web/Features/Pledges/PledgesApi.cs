using System.Security.Claims;
using InterviewPortal.Web.Features.Shared;
using InterviewPortal.Web.Infrastructure.Auth;
using InterviewPortal.Web.Infrastructure.Localization;
using InterviewPortal.Web.Infrastructure.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InterviewPortal.Web.Features.Pledges;

public static class PledgesApi
{
    public static IServiceCollection AddPledgeHandlers(this IServiceCollection services) =>
        services.AddScoped<PublishPledgeHandler>().AddScoped<CandidatePledgeHandler>()
            .AddScoped<PledgeStatusHandler>().AddScoped<RemindPledgeHandler>();

    public static RouteGroupBuilder MapPledgesApi(this RouteGroupBuilder api)
    {
        var staff = api.MapGroup("/pledge").WithTags("Pledge");
        staff.MapGet("/versions", (PublishPledgeHandler h, CancellationToken ct) => h.ListAsync(ct))
            .RequireAuthorization(Policies.Admin);
        staff.MapPost("/versions", Publish).Validate<PublishPledgeRequest>().RequireAuthorization(Policies.Admin)
            .WithSummary("Publish a new version of the exam rules and integrity pledge; every candidate must confirm it again.");
        staff.MapGet("/unconfirmed", Unconfirmed).RequireAuthorization(Policies.Staff)
            .WithSummary("Candidates in scope who have not confirmed the pledge in force.");
        staff.MapPost("/reminders", Remind).Validate<RemindPledgeRequest>().RequireAuthorization(Policies.Staff)
            .WithSummary("Send a WeLink reminder to the unconfirmed candidates in scope (or to the ones named).");

        var me = api.MapGroup("/me/pledge").WithTags("Pledge").RequireAuthorization(Policies.Candidate);
        me.MapGet("/", GetMine);
        me.MapPost("/", ConfirmMine).Validate<ConfirmPledgeRequest>().Produces<MyPledge>().ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<Created<PledgeVersionItem>> Publish(PublishPledgeRequest request, PublishPledgeHandler handler, CancellationToken ct)
    {
        var item = await handler.HandleAsync(request, ct);
        return TypedResults.Created($"/api/v1/pledge/versions/{item.Version}", item);
    }

    private static async Task<Results<Ok<PledgeStatusPage>, ValidationProblem>> Unconfirmed(
        int? collegeId, int? roomId, int? page, int? pageSize, PledgeStatusHandler handler, CancellationToken ct)
    {
        var paging = PageRequest.From(page, pageSize, out var errors);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);
        return TypedResults.Ok(await handler.HandleAsync(new PledgeStatusQuery(collegeId, roomId), paging, ct));
    }

    private static async Task<Results<Ok<RemindPledgeResult>, ProblemHttpResult>> Remind(
        RemindPledgeRequest request, RemindPledgeHandler handler, CancellationToken ct) =>
        await handler.HandleAsync(request, ct) is { } result
            ? TypedResults.Ok(result)
            : TypedResults.Problem(title: Texts.Get("Pledges.Conflict"), detail: Texts.Get("Pledges.NoIntegrityPledgeHasBeenPublished2"), statusCode: 409);

    private static async Task<Results<Ok<MyPledge>, ProblemHttpResult>> GetMine(ClaimsPrincipal user, CandidatePledgeHandler handler, CancellationToken ct)
    {
        if (CandidateId(user) is not { } candidateId)
            return Forbidden();
        return await handler.GetAsync(candidateId, ct) is { } pledge
            ? TypedResults.Ok(pledge)
            : TypedResults.Problem(title: Texts.Get("Inbox.NotFound"), detail: Texts.Get("Pledges.NoIntegrityPledgeHasBeenPublished"), statusCode: 404);
    }

    private static async Task<IResult> ConfirmMine(
        ConfirmPledgeRequest request, ClaimsPrincipal user, HttpContext http, CandidatePledgeHandler handler, CancellationToken ct)
    {
        if (CandidateId(user) is not { } candidateId)
            return Forbidden();
        return (await handler.ConfirmAsync(candidateId, request.Version!.Value, http.Connection.RemoteIpAddress?.ToString(), ct)).ToResult(TypedResults.Ok);
    }

    public static int? CandidateId(ClaimsPrincipal user) =>
        int.TryParse(user.FindFirstValue(PortalClaims.CandidateId), out var id) ? id : null;

    private static ProblemHttpResult Forbidden() =>
        TypedResults.Problem(title: Texts.Get("Pledges.Forbidden"), detail: Texts.Get("Pledges.ThisIsForASignedIn"), statusCode: 403);
}
