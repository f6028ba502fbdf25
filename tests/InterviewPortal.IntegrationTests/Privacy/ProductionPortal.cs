using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using InterviewPortal.IntegrationTests.Infrastructure;
using InterviewPortal.Web.Infrastructure.Database;
using Microsoft.AspNetCore.Hosting;

namespace InterviewPortal.IntegrationTests.Privacy;

/// <summary>
/// The portal as production runs it: environment Production, demo off. The simulated gateway is allowed explicitly
/// (these hosts test other production rules), and the log goes to a folder that outlives the host, so a test can read
/// it after disposing the host (which flushes the log).
/// </summary>
public sealed class ProductionPortal(DatabaseProvider provider = DatabaseProvider.Sqlite) : PortalFactory(provider, demo: false)
{
    public string LogFolder { get; } = Path.Combine(Path.GetTempPath(), "portal-tests", "logs-" + Guid.NewGuid().ToString("N"));

    public string LogText() =>
        string.Concat(Directory.Exists(LogFolder) ? Directory.GetFiles(LogFolder).Select(File.ReadAllText) : []);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Settings.TryAdd("WeLink:AllowSimulatedInProduction", "true");
        Settings["Logging:Folder"] = LogFolder;
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
    }
}

/// <summary>A self-signed RSA certificate with its private key, written to a temporary .pfx, as an operator would make one.</summary>
public sealed class TestCertificate : IDisposable
{
    public const string Password = "test-pfx-password";

    public TestCertificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=InterviewPortal Data Protection (test)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "portal-tests", $"dp-{Guid.NewGuid():N}.pfx");
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        File.WriteAllBytes(Path, certificate.Export(X509ContentType.Pfx, Password));
    }

    public string Path { get; }

    public void Dispose() => File.Delete(Path);
}
