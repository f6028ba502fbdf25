namespace InterviewPortal.Web.Infrastructure.Health;

/// <summary>
/// Where the portal holds itself to production rules: outside demo mode (<c>Database:Demo</c>) and outside the
/// Development and Testing environments. There the simulated gateway refuses to start, demo accounts are retired,
/// and unencrypted Data Protection keys are reported (a warning at start, Degraded readiness).
/// </summary>
public static class ProductionMode
{
    public const string CertificatePathSetting = "DataProtection:CertificatePath";

    public static bool Applies(IConfiguration configuration, IHostEnvironment environment) =>
        !configuration.GetValue("Database:Demo", false) && !environment.IsDevelopment() && !environment.IsEnvironment("Testing");

    /// <summary>True in production when no certificate encrypts the key ring: a copy of the database would open every session.</summary>
    public static bool KeysUnencrypted(IConfiguration configuration, IHostEnvironment environment) =>
        Applies(configuration, environment) && string.IsNullOrWhiteSpace(configuration[CertificatePathSetting]);
}
