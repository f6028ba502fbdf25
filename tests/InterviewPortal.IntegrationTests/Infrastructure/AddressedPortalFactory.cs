using System.Net;
using InterviewPortal.Web.Infrastructure.Database;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewPortal.IntegrationTests.Infrastructure;

/// <summary>
/// The demo portal where each test client can play a client at its own network address (the in-memory test server has
/// none) and the portal's clock can be moved forward, so limits per address and per minute are tested without sleeping.
/// </summary>
public class AddressedPortalFactory(DatabaseProvider provider) : PortalFactory(provider)
{
    /// <summary>The connection's remote address for a request carrying this header; test hosts only.</summary>
    public const string AddressHeader = "X-Test-Client-Address";

    public ShiftableClock Clock { get; } = new();

    /// <summary>A client whose requests come from <paramref name="address"/>, as the connection's own remote address.</summary>
    public HttpClient ClientFrom(string address)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add(AddressHeader, address);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            // First of all startup filters, so the address is set before the forwarded-headers middleware reads it.
            services.Insert(0, ServiceDescriptor.Transient<IStartupFilter, TestClientAddress>());
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    private sealed class TestClientAddress : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((http, nextMiddleware) =>
            {
                if (IPAddress.TryParse(http.Request.Headers[AddressHeader].ToString(), out var address))
                    http.Connection.RemoteIpAddress = address;
                http.Request.Headers.Remove(AddressHeader);
                return nextMiddleware(http);
            });
            next(app);
        };
    }
}

public sealed class SqliteAddressedPortalFactory() : AddressedPortalFactory(DatabaseProvider.Sqlite);

public sealed class PostgresAddressedPortalFactory() : AddressedPortalFactory(DatabaseProvider.PostgreSql);

/// <summary>The system clock plus an offset that tests move forward; timers and delays stay real.</summary>
public sealed class ShiftableClock : TimeProvider
{
    private long offsetTicks;

    public void Advance(TimeSpan by) => Interlocked.Add(ref offsetTicks, by.Ticks);

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow().AddTicks(Interlocked.Read(ref offsetTicks));
}
