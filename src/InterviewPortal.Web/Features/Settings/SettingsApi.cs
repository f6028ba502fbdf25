using InterviewPortal.Web.Infrastructure.Auth;
using InterviewPortal.Web.Infrastructure.Validation;

namespace InterviewPortal.Web.Features.Settings;

public static class SettingsApi
{
    public static IServiceCollection AddSettingsHandlers(this IServiceCollection services) => services.AddScoped<UpdateSettingsHandler>();

    public static RouteGroupBuilder MapSettingsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/settings").WithTags("Settings").RequireAuthorization(Policies.Admin);
        group.MapGet("/", async (UpdateSettingsHandler h, CancellationToken ct) => TypedResults.Ok(await h.GetAsync(ct)));
        group.MapPut("/", async (SettingsInput input, UpdateSettingsHandler h, CancellationToken ct) => TypedResults.Ok(await h.HandleAsync(input, ct)))
            .Validate<SettingsInput>();
        return api;
    }
}
