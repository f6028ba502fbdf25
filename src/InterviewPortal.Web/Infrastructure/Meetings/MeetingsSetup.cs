using InterviewPortal.Data.Rooms;
using InterviewPortal.Web.Infrastructure.Meetings.Tencent;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

namespace InterviewPortal.Web.Infrastructure.Meetings;

/// <summary>
/// The meeting platforms. The primary one is registered with the WeLink gateway (WeLinkSetup); Meetings:Backup:Platform
/// chooses the backup: None (the default: the switch is not offered), Simulated, or Tencent (options validated at
/// start-up). Demo mode turns on the simulated backup so a newcomer can try the switch.
/// </summary>
public static class MeetingsSetup
{
    public static IServiceCollection AddMeetingPlatforms(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<SimulatedOutbox>();
        services.AddScoped<MeetingPlatforms>();
        var section = configuration.GetSection("Meetings:Backup");
        var kind = section.GetValue("Platform", BackupPlatformKind.None);
        if (kind == BackupPlatformKind.None && configuration.GetValue("Database:Demo", false))
            kind = BackupPlatformKind.Simulated;
        services.AddOptions<BackupMeetingOptions>().Bind(section).PostConfigure(o => o.Platform = kind).ValidateOnStart();
        services.AddSingleton<IValidateOptions<BackupMeetingOptions>, BackupMeetingOptionsValidator>();
        switch (kind)
        {
            case BackupPlatformKind.Simulated:
                services.AddKeyedSingleton<IMeetingPlatform, SimulatedTencentMeetings>(MeetingPlatform.Backup);
                break;
            case BackupPlatformKind.Tencent:
                var attempt = TimeSpan.FromSeconds(section.GetValue("AttemptTimeoutSeconds", 15.0));
                services.AddHttpClient<TencentMeetingApi>().AddStandardResilienceHandler(o =>
                {
                    // The handler retries nothing: a POST that timed out may have created the meeting (and creation is
                    // rationed); TencentMeetingApi sends again itself, freshly signed, only what the platform says it did not do.
                    o.Retry.ShouldHandle = _ => ValueTask.FromResult(false);
                    o.AttemptTimeout.Timeout = attempt;
                    o.TotalRequestTimeout.Timeout = attempt * 2;
                    o.CircuitBreaker.SamplingDuration = attempt * 2 + TimeSpan.FromSeconds(30);
                });
                services.AddKeyedTransient<IMeetingPlatform, TencentMeetingPlatform>(MeetingPlatform.Backup);
                break;
        }
        return services;
    }
}
