using Microsoft.Extensions.Options;

namespace InterviewPortal.Web.Infrastructure.Meetings;

public enum BackupPlatformKind
{
    /// <summary>No backup platform: the switch is not offered.</summary>
    None,
    Simulated,
    Tencent,
}

/// <summary>Meetings:Backup: the backup meeting platform the university names (Tencent Meeting), and its meeting account.</summary>
public sealed class BackupMeetingOptions
{
    public BackupPlatformKind Platform { get; set; } = BackupPlatformKind.None;

    /// <summary>The platform's name as the API and the pages show it (interview.platform).</summary>
    public string Name { get; set; } = "TencentMeeting";
    public string BaseUrl { get; set; } = "https://api.meeting.qq.com";
    public string? SecretId { get; set; }
    public string? SecretKey { get; set; }

    /// <summary>The enterprise id (header AppId).</summary>
    public string? AppId { get; set; }

    /// <summary>The app id (header SdkId); left out of the calls when none was assigned.</summary>
    public string? SdkId { get; set; }

    /// <summary>The university's meeting account (an enterprise member) that creates and controls the meetings.</summary>
    public string? UserId { get; set; }

    /// <summary>Tries of one call that the platform refused as too frequent, a replay or out of its clock window (each try signed anew).</summary>
    public int MaxTries { get; set; } = 3;
    public double AttemptTimeoutSeconds { get; set; } = 15;
}

public sealed class BackupMeetingOptionsValidator : IValidateOptions<BackupMeetingOptions>
{
    public ValidateOptionsResult Validate(string? name, BackupMeetingOptions o)
    {
        if (o.Platform == BackupPlatformKind.None)
            return ValidateOptionsResult.Success;
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(o.Name) || o.Name.Length > 40)
            errors.Add("Meetings:Backup:Name must be 1 to 40 characters.");
        if (o.Platform == BackupPlatformKind.Tencent)
        {
            // Credentials travel in headers: plain HTTP only to this machine (the tests' fake server).
            if (!Uri.TryCreate(o.BaseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && !uri.IsLoopback))
                errors.Add("Meetings:Backup:BaseUrl must be an absolute https URL.");
            if (string.IsNullOrWhiteSpace(o.SecretId) || string.IsNullOrWhiteSpace(o.SecretKey))
                errors.Add("Meetings:Backup:SecretId and Meetings:Backup:SecretKey are required for Tencent Meeting.");
            if (string.IsNullOrWhiteSpace(o.AppId))
                errors.Add("Meetings:Backup:AppId (the enterprise id) is required for Tencent Meeting.");
            if (string.IsNullOrWhiteSpace(o.UserId))
                errors.Add("Meetings:Backup:UserId (the university's meeting account) is required for Tencent Meeting.");
            if (o.MaxTries is < 1 or > 5)
                errors.Add("Meetings:Backup:MaxTries must be between 1 and 5.");
            if (o.AttemptTimeoutSeconds is < 1 or > 120)
                errors.Add("Meetings:Backup:AttemptTimeoutSeconds must be between 1 and 120.");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
