namespace InterviewPortal.Web.Infrastructure.Meetings;

/// <summary>The meeting platforms: the primary one is registered with the WeLink gateway (WeLinkSetup).</summary>
public static class MeetingsSetup
{
    public static IServiceCollection AddMeetingPlatforms(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<SimulatedOutbox>();
        services.AddScoped<MeetingPlatforms>();
        return services;
    }
}
