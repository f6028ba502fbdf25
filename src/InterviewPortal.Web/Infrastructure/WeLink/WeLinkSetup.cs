using InterviewPortal.Data.Rooms;
using InterviewPortal.Web.Infrastructure.Health;
using InterviewPortal.Web.Infrastructure.Meetings;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

namespace InterviewPortal.Web.Infrastructure.WeLink;

/// <summary>WeLink:Gateway chooses the gateway and the primary meeting platform: Simulated (the embedded default) or Http (options validated at start-up).</summary>
public static class WeLinkSetup
{
    public static IServiceCollection AddWeLinkGateway(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("WeLink");
        services.AddOptions<WeLinkOptions>().Bind(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<WeLinkOptions>, WeLinkOptionsValidator>();
        var kind = section.GetValue("Gateway", WeLinkGatewayKind.Simulated);
        if (kind != WeLinkGatewayKind.Http)
        {
            services.AddSingleton<IWeLinkGateway, SimulatedWeLinkGateway>();
            services.AddKeyedSingleton<IMeetingPlatform, SimulatedWeLinkMeetings>(MeetingPlatform.Primary);
            return services;
        }

        var attempt = TimeSpan.FromSeconds(section.GetValue("AttemptTimeoutSeconds", 15.0));
        services.AddSingleton<WeLinkCaches>();
        services.AddHttpClient<WeLinkApi>()
            .AddStandardResilienceHandler(o =>
            {
                // Only safe methods are retried by the handler: a POST that timed out may have created
                // the meeting or sent the message. Throttle answers are resent by WeLinkApi itself.
                o.Retry.DisableForUnsafeHttpMethods();
                o.Retry.MaxRetryAttempts = 2;
                o.Retry.Delay = TimeSpan.FromMilliseconds(300);
                o.AttemptTimeout.Timeout = attempt;
                o.TotalRequestTimeout.Timeout = attempt * 4;
                o.CircuitBreaker.SamplingDuration = attempt * 2 + TimeSpan.FromSeconds(30);
            });
        services.AddTransient<IWeLinkGateway, HttpWeLinkGateway>();
        services.AddKeyedTransient<IMeetingPlatform, HttpWeLinkMeetings>(MeetingPlatform.Primary);
        return services;
    }

    /// <summary>
    /// True, after one critical log line naming the setting, when production would run the simulated gateway: it
    /// sends nothing, so candidates would never get their codes or invitations while the codes sit readable in the
    /// outbox. Checked before the database is touched; the caller exits non-zero.
    /// </summary>
    public static bool RefusesToStart(WebApplication app)
    {
        var section = app.Configuration.GetSection("WeLink");
        if (section.GetValue("Gateway", WeLinkGatewayKind.Simulated) == WeLinkGatewayKind.Http
            || section.GetValue("AllowSimulatedInProduction", false)
            || !ProductionMode.Applies(app.Configuration, app.Environment))
            return false;
        app.Logger.LogCritical("Refusing to start: the simulated WeLink gateway outside demo mode sends no message (sign-in codes would sit readable in the outbox); set WeLink:Gateway=Http with the tenant's credentials, or WeLink:AllowSimulatedInProduction=true to run it anyway");
        return true;
    }
}
