using System.Diagnostics;
using System.Net;
using InterviewPortal.IntegrationTests.Infrastructure;

namespace InterviewPortal.IntegrationTests.Privacy;

/// <summary>Production (environment Production, demo off) refuses the simulated gateway and reports unencrypted keys.</summary>
public class ProductionStartTests(SqlitePortalFactory demoPortal) : IClassFixture<SqlitePortalFactory>
{
    [Fact]
    public async Task With_the_simulated_gateway_the_process_exits_1_after_one_line_naming_the_setting()
    {
        var folder = Path.Combine(Path.GetTempPath(), "portal-tests", "refusal-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "InterviewPortal.Web.dll")])
            {
                WorkingDirectory = AppContext.BaseDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            start.Environment.Remove("DOTNET_ENVIRONMENT");
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
            start.Environment["Database__Provider"] = "Sqlite";
            start.Environment["Database__Demo"] = "false";
            start.Environment["ConnectionStrings__Portal"] = $"Data Source={Path.Combine(folder, "portal.db")}";
            start.Environment["Storage__Root"] = folder;
            start.Environment["Logging__Folder"] = Path.Combine(folder, "logs");

            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail("The portal started (or hung) in production with the simulated gateway.");
            }

            var lines = ((await output) + (await errors)).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            Assert.Equal(1, process.ExitCode);
            var refusal = Assert.Single(lines, l => l.Contains("WeLink:AllowSimulatedInProduction", StringComparison.Ordinal));
            Assert.Contains("Refusing to start", refusal, StringComparison.Ordinal);
            Assert.DoesNotContain(lines, l => l.Contains("Exception", StringComparison.Ordinal));
            // Refused before the database was touched.
            Assert.False(File.Exists(Path.Combine(folder, "portal.db")));
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    [Fact]
    public async Task Allowed_explicitly_it_starts_and_without_a_key_certificate_warns_and_readiness_is_degraded_but_200()
    {
        var production = new ProductionPortal();
        try
        {
            var client = production.CreateClient();
            var ready = await client.GetAsync("/health/ready");
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            Assert.Equal("Degraded", await ready.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        }
        finally
        {
            production.Dispose(); // flushes the log
        }
        var warnings = production.LogText().Split('\n').Where(l => l.Contains("Data Protection keys are stored unencrypted in the database", StringComparison.Ordinal)).ToList();
        Directory.Delete(production.LogFolder, recursive: true);
        Assert.Single(warnings); // once, at start (the health check's own Degraded lines say it differently)
        Assert.Contains("DataProtection:CertificatePath", warnings[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_test_and_demo_hosts_stay_healthy_without_a_certificate()
    {
        var ready = await demoPortal.CreateClient().GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }
}
