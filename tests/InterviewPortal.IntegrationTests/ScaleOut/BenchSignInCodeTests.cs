using System.Net;
using System.Net.Http.Json;
using InterviewPortal.IntegrationTests.CandidateAuth;
using InterviewPortal.IntegrationTests.Infrastructure;
using InterviewPortal.Web.Infrastructure.Database;
using InterviewPortal.Web.Infrastructure.ScaleOut;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewPortal.IntegrationTests.ScaleOut;

/// <summary>
/// The bench's sign-in code reader hands out a credential, so it must never be there by accident: absent by default
/// (404, not routed, not in Swagger), refused to any caller off this machine, and not routed in Production even when
/// Bench:Enabled is set.
/// </summary>
public sealed class BenchSignInCodeTests
{
    [Fact]
    public async Task Absent_by_default_not_routed_and_not_in_swagger()
    {
        using var portal = new SqliteAddressedPortalFactory();
        var phone = (await portal.CandidateAsync(0)).Phone;
        var local = portal.ClientFrom("127.0.0.1");
        Assert.Equal(HttpStatusCode.Accepted, (await local.RequestCodeAsync(phone)).StatusCode);
        Assert.NotNull(await portal.LatestCodeAsync(phone)); // a code exists: the 404 below is the route's absence

        Assert.Equal(HttpStatusCode.NotFound, (await local.GetAsync($"{BenchSignInCodes.Path}?phone={phone}")).StatusCode);
        Assert.False(Routed(portal));
        Assert.DoesNotContain("/bench/", await SwaggerAsync(portal));
    }

    [Fact]
    public async Task When_enabled_outside_production_a_loopback_caller_reads_the_code_that_signs_in_and_no_one_else_does()
    {
        using var portal = new SqliteAddressedPortalFactory();
        portal.Settings["Bench:Enabled"] = "true";
        var phone = (await portal.CandidateAsync(1)).Phone;
        var local = portal.ClientFrom("127.0.0.1");
        Assert.Equal(HttpStatusCode.Accepted, (await local.RequestCodeAsync(phone)).StatusCode);
        var sent = await portal.LatestCodeAsync(phone);

        var answer = await local.GetAsync($"{BenchSignInCodes.Path}?phone={phone}");
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var code = (await answer.Content.ReadFromJsonAsync<BenchSignInCodes.BenchCode>())!.Code;
        Assert.Equal(sent, code);
        Assert.Equal(HttpStatusCode.OK, (await local.RequestTokenAsync(phone, code)).StatusCode);

        // Off loopback (a home address, or a private network next door) it looks exactly like a missing route.
        foreach (var address in new[] { "203.0.113.7", "10.0.0.5", "::ffff:192.0.2.1" })
            Assert.Equal(HttpStatusCode.NotFound, (await portal.ClientFrom(address).GetAsync($"{BenchSignInCodes.Path}?phone={phone}")).StatusCode);
        // A phone that was never sent a code finds nothing.
        Assert.Equal(HttpStatusCode.NotFound, (await local.GetAsync($"{BenchSignInCodes.Path}?phone=17099999999")).StatusCode);
        Assert.True(Routed(portal));
        Assert.DoesNotContain("/bench/", await SwaggerAsync(portal));
    }

    [Fact]
    public async Task Refused_in_production_even_with_bench_enabled()
    {
        using var portal = new ProductionPortal();
        portal.Settings["Bench:Enabled"] = "true";
        var phone = (await portal.CandidateAsync(2)).Phone;
        var local = portal.ClientFrom("127.0.0.1");
        Assert.Equal(HttpStatusCode.Accepted, (await local.RequestCodeAsync(phone)).StatusCode);
        Assert.NotNull(await portal.LatestCodeAsync(phone));

        Assert.Equal(HttpStatusCode.NotFound, (await local.GetAsync($"{BenchSignInCodes.Path}?phone={phone}")).StatusCode);
        Assert.False(Routed(portal));
        Assert.True(portal.Services.GetRequiredService<Microsoft.Extensions.Hosting.IHostEnvironment>().EnvironmentName == "Production");
    }

    private static bool Routed(PortalFactory portal) =>
        portal.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Any(e => e.RoutePattern.RawText?.Contains("sign-in-code", StringComparison.Ordinal) == true);

    private static async Task<string> SwaggerAsync(PortalFactory portal)
    {
        var admin = await portal.ClientForStaffAsync("admin");
        var swagger = await admin.GetAsync("/swagger/v1/swagger.json");
        swagger.EnsureSuccessStatusCode();
        return await swagger.Content.ReadAsStringAsync();
    }

    /// <summary>The demo portal in the Production environment (demo mode keeps its accounts and lets the simulated gateway run).</summary>
    private sealed class ProductionPortal() : AddressedPortalFactory(DatabaseProvider.Sqlite)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
        }
    }
}
