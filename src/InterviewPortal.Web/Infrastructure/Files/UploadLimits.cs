namespace InterviewPortal.Web.Infrastructure.Files;

/// <summary>
/// How much one candidate may put into the protected store (section "Uploads"). Each stored file is personal
/// data kept encrypted on our disk, so a candidate (or someone holding their session) must not be able to fill it.
/// </summary>
public sealed class UploadLimits
{
    /// <summary>Phone-change requests one candidate may file in 24 hours, besides the one-open-request rule.</summary>
    public int PhoneChangeRequestsPerDay { get; set; } = 3;

    /// <summary>ID photos stored for one interview, by the candidate and the assistant together (retakes included).</summary>
    public int IdPhotosPerInterview { get; set; } = 10;
}

public static class ProtectedFilesSetup
{
    public static IServiceCollection AddProtectedFiles(this IServiceCollection services)
    {
        services.AddOptions<UploadLimits>().BindConfiguration("Uploads")
            .Validate(l => l.PhoneChangeRequestsPerDay >= 1 && l.IdPhotosPerInterview >= 1, "Uploads limits must be at least 1.")
            .ValidateOnStart();
        return services.AddSingleton<ProtectedFileStore>();
    }
}
