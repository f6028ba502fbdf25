using System.Net;
using System.Security.Cryptography.X509Certificates;
using InterviewPortal.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;

namespace InterviewPortal.Web.Infrastructure.ScaleOut;

/// <summary>
/// What lets several portal processes behind one load balancer act as one: Data Protection keys in the
/// shared database (bearer tokens, cookies and antiforgery tokens made on one node open on every other),
/// the proxy's forwarded headers (client address and https), and SignalR over the Redis backplane.
/// </summary>
public static class ScaleOutSetup
{
    public const string ApplicationName = "InterviewPortal";

    public static IServiceCollection AddPortalScaleOut(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddPortalDataProtection(configuration);
        services.AddPortalForwardedHeaders(configuration);
        services.AddPortalSignalR(configuration);
        services.AddSingleton<NodeIdentity>();
        services.AddHostedService<KeyRingWarmup>();
        return services;
    }

    /// <summary>
    /// Keys live in the DataProtectionKeys table. The key manager resolves PortalDbContext from its own scope;
    /// that table has no scope filter, so whichever AccessScope the scope builds (System off-request, the
    /// caller's during a request) reads and writes every key.
    /// </summary>
    public static IDataProtectionBuilder AddPortalDataProtection(this IServiceCollection services, IConfiguration configuration)
    {
        var builder = services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToDbContext<PortalDbContext>();
        // Optional: encrypt the keys at rest with a certificate, so a copy of the database alone opens no token.
        var certificatePath = configuration["DataProtection:CertificatePath"];
        if (!string.IsNullOrWhiteSpace(certificatePath))
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(certificatePath, configuration["DataProtection:CertificatePassword"]);
            builder.ProtectKeysWithCertificate(certificate);
            // Keys written under an older certificate stay readable while it is being replaced.
            var previous = configuration.GetSection("DataProtection:PreviousCertificatePaths").Get<string[]>() ?? [];
            builder.UnprotectKeysWithAnyCertificate([certificate, .. previous.Select(p =>
                X509CertificateLoader.LoadPkcs12FromFile(p, configuration["DataProtection:CertificatePassword"]))]);
        }
        return builder;
    }

    /// <summary>
    /// X-Forwarded-For/Proto are trusted only from the proxies named in ForwardedHeaders:KnownProxies (addresses)
    /// and ForwardedHeaders:KnownNetworks (CIDR), nothing else: the framework's defaults (loopback) are cleared,
    /// since the client address decides sign-in limits and a header from anyone else would let a caller pick its own.
    /// With no proxy configured the headers are not read at all (empty lists would mean "trust every sender").
    /// Applied first in the pipeline by a startup filter.
    /// </summary>
    public static IServiceCollection AddPortalForwardedHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [];
        var networks = configuration.GetSection("ForwardedHeaders:KnownNetworks").Get<string[]>() ?? [];
        proxies = [.. proxies.Where(p => !string.IsNullOrWhiteSpace(p))];
        networks = [.. networks.Where(n => !string.IsNullOrWhiteSpace(n))];
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            o.ForwardedHeaders = proxies.Length + networks.Length == 0
                ? ForwardedHeaders.None
                : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in proxies)
                o.KnownProxies.Add(IPAddress.Parse(proxy));
            foreach (var network in networks)
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        });
        services.AddTransient<IStartupFilter, ForwardedHeadersFirst>();
        return services;
    }

    /// <summary>
    /// Maps the backplane ping hub and, when Bench:Enabled, the bare comparison endpoint; the bench's sign-in code
    /// reader only outside Production as well (<see cref="BenchSignInCodes"/>).
    /// </summary>
    public static void MapPortalScaleOut(this IEndpointRouteBuilder app)
    {
        app.MapHub<PingHub>(PingHub.Path).RequireAuthorization(Auth.Policies.Admin);
        var configuration = app.ServiceProvider.GetRequiredService<IConfiguration>();
        if (configuration.GetValue("Bench:Enabled", false))
            app.MapBenchEndpoints();
        if (BenchSignInCodes.Allowed(configuration, app.ServiceProvider.GetRequiredService<IHostEnvironment>()))
            app.MapBenchSignInCodes();
    }

    private sealed class ForwardedHeadersFirst : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.UseForwardedHeaders();
            next(app);
        };
    }
}

/// <summary>This process's name in a cluster (ScaleOut:NodeName, else the machine name), shown by the ping hub.</summary>
public sealed class NodeIdentity(IConfiguration configuration)
{
    public string Name { get; } = configuration["ScaleOut:NodeName"] is { Length: > 0 } name ? name : Environment.MachineName;
}
