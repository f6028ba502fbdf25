using System.Security.Claims;
using InterviewPortal.Web.Features.Candidates;
using InterviewPortal.Web.Features.Shared;
using InterviewPortal.Web.Infrastructure.Auth;
using InterviewPortal.Web.Infrastructure.Validation;

namespace InterviewPortal.Web.Features.Staff;

public sealed record PasswordInput(string? Password);

public static class StaffApi
{
    public static IServiceCollection AddStaffHandlers(this IServiceCollection services) =>
        services.AddScoped<StaffAccountsHandler>().AddScoped<ChangeStaffAccessHandler>();

    public static RouteGroupBuilder MapStaffApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/staff").WithTags("Staff").RequireAuthorization(Policies.Admin);
        group.MapGet("/", async (StaffAccountsHandler h, CancellationToken ct) => TypedResults.Ok(await h.ListAsync(ct)));
        group.MapPost("/", async (StaffAccountInput input, StaffAccountsHandler h, CancellationToken ct) =>
            Answer(await h.CreateAsync(input, ct), TypedResults.Created($"/api/v1/staff/{input.UserName}"))).Validate<StaffAccountInput>()
            .Produces(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id}/reset-password", async (string id, PasswordInput input, StaffAccountsHandler h, CancellationToken ct) =>
            Answer(await h.ResetPasswordAsync(id, input.Password, ct), TypedResults.NoContent())).Produces(StatusCodes.Status204NoContent);
        group.MapPost("/{id}/unlock", async (string id, StaffAccountsHandler h, CancellationToken ct) =>
            Answer(await h.UnlockAsync(id, ct), TypedResults.NoContent())).Produces(StatusCodes.Status204NoContent);
        group.MapPost("/{id}/disable", async (string id, ClaimsPrincipal user, ChangeStaffAccessHandler h, CancellationToken ct) =>
                Answer(await h.DisableAsync(id, user.FindFirstValue(ClaimTypes.NameIdentifier), ct), TypedResults.NoContent()))
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Disable a staff account: it cannot sign in, and its sessions, tokens and live connections end.");
        group.MapPost("/{id}/enable", async (string id, ChangeStaffAccessHandler h, CancellationToken ct) =>
                Answer(await h.EnableAsync(id, ct), TypedResults.NoContent()))
            .Produces(StatusCodes.Status204NoContent)
            .WithSummary("Enable a disabled staff account again (it signs in afresh).");
        group.MapPut("/{id}/role", async (string id, StaffRoleInput input, ClaimsPrincipal user, ChangeStaffAccessHandler h, CancellationToken ct) =>
                Answer(await h.ChangeRoleAsync(id, input, user.FindFirstValue(ClaimTypes.NameIdentifier), ct), TypedResults.NoContent()))
            .Validate<StaffRoleInput>().Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Change a staff account's role and college; its sessions end and it signs in again with the new access.");
        return api;
    }

    private static IResult Answer(Outcome<Done> result, IResult ok) => result.ToResult(_ => ok);
}
