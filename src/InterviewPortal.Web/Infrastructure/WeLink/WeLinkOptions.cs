using Microsoft.Extensions.Options;

namespace InterviewPortal.Web.Infrastructure.WeLink;

public enum WeLinkGatewayKind
{
    Simulated,
    Http,
}

public enum MeetingAuthMode
{
    /// <summary>App ID + HMAC-SHA256 signature (recommended for servers).</summary>
    AppId,

    /// <summary>A WeLink account's credentials; meetings are then owned by that WeLink user.</summary>
    WeLinkProxy,
}

/// <summary>The "WeLink" section. Validated at start-up when the HTTP gateway is chosen.</summary>
public sealed class WeLinkOptions
{
    public WeLinkGatewayKind Gateway { get; set; } = WeLinkGatewayKind.Simulated;

    /// <summary>Lets production (outside demo mode, Development and Testing) start with the simulated gateway; off by default.</summary>
    public bool AllowSimulatedInProduction { get; set; }
    public string OpenApiBaseUrl { get; set; } = "https://open.welink.huaweicloud.com";
    public string MeetingBaseUrl { get; set; } = "https://api.meeting.huaweicloud.com";
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }

    /// <summary>Sender label on cards, at most 18 bytes.</summary>
    public string MessageOwner { get; set; } = "研招面试";
    public string? PublicAccountId { get; set; }

    /// <summary>How a mobile number is written for WeLink (the docs' example is "+86-138..."; verify on the tenant).</summary>
    public string PhoneFormat { get; set; } = "+86-{0}";

    /// <summary>WeLink codes (besides HTTP 401) that mean "fetch a new token"; 501 follows a permission change.</summary>
    public string[] TokenErrorCodes { get; set; } = ["401", "501"];

    public MeetingAuthMode MeetingAuth { get; set; } = MeetingAuthMode.AppId;
    public string? MeetingAppId { get; set; }
    public string? MeetingAppKey { get; set; }
    public string? MeetingUserId { get; set; }
    public string? MeetingCorpId { get; set; }
    public string? ProxyAccount { get; set; }
    public string? ProxyPassword { get; set; }

    public double AttemptTimeoutSeconds { get; set; } = 15;

    /// <summary>Resends after a throttle answer (WeLink 48503, HTTP 429): the request was refused, so resending cannot create twice.</summary>
    public int ThrottleRetries { get; set; } = 5;
    public double ThrottleDelaySeconds { get; set; } = 1;

    /// <summary>How often and how many times provisioning status is polled.</summary>
    public double StatusPollSeconds { get; set; } = 2;
    public int StatusPolls { get; set; } = 15;
}

public sealed class WeLinkOptionsValidator : IValidateOptions<WeLinkOptions>
{
    public ValidateOptionsResult Validate(string? name, WeLinkOptions o)
    {
        if (o.Gateway != WeLinkGatewayKind.Http)
            return ValidateOptionsResult.Success;
        var errors = new List<string>();
        if (!Uri.TryCreate(o.OpenApiBaseUrl, UriKind.Absolute, out _))
            errors.Add("WeLink:OpenApiBaseUrl must be an absolute URL.");
        if (!Uri.TryCreate(o.MeetingBaseUrl, UriKind.Absolute, out _))
            errors.Add("WeLink:MeetingBaseUrl must be an absolute URL.");
        if (string.IsNullOrWhiteSpace(o.ClientId) || string.IsNullOrWhiteSpace(o.ClientSecret))
            errors.Add("WeLink:ClientId and WeLink:ClientSecret are required for the HTTP gateway.");
        if (System.Text.Encoding.UTF8.GetByteCount(o.MessageOwner ?? "") is 0 or > 18)
            errors.Add("WeLink:MessageOwner must be 1 to 18 bytes.");
        if (o.MeetingAuth == MeetingAuthMode.AppId && (string.IsNullOrWhiteSpace(o.MeetingAppId) || string.IsNullOrWhiteSpace(o.MeetingAppKey)))
            errors.Add("WeLink:MeetingAppId and WeLink:MeetingAppKey are required for App ID meeting authentication.");
        if (o.MeetingAuth == MeetingAuthMode.WeLinkProxy && (string.IsNullOrWhiteSpace(o.ProxyAccount) || string.IsNullOrWhiteSpace(o.ProxyPassword)))
            errors.Add("WeLink:ProxyAccount and WeLink:ProxyPassword are required for WeLink proxy meeting authentication.");
        if (o.AttemptTimeoutSeconds is < 1 or > 120)
            errors.Add("WeLink:AttemptTimeoutSeconds must be between 1 and 120.");
        if (o.ThrottleRetries is < 0 or > 10)
            errors.Add("WeLink:ThrottleRetries must be between 0 and 10.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
