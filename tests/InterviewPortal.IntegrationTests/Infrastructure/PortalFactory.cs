using System.Net.Http.Headers;
using System.Net.Http.Json;
using InterviewPortal.Data;
using InterviewPortal.Data.Access;
using InterviewPortal.Web.Infrastructure.Database;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewPortal.IntegrationTests.Infrastructure;

/// <summary>
/// The real portal in memory over a real database (a SQLite file, or PostgreSQL), seeded with the demo
/// university unless told otherwise. Extra settings go through <see cref="Settings"/> before first use.
/// </summary>
public class PortalFactory(DatabaseProvider provider = DatabaseProvider.Sqlite, bool demo = true) : WebApplicationFactory<Program>
{
    public const string DemoPassword = "Demo#2026";
    private readonly Lazy<TestDatabase> database = new(() => TestDatabase.Create(provider));

    public TestDatabase Database => database.Value;
    public DatabaseProvider Provider => provider;

    /// <summary>Configuration overrides applied when the host starts.</summary>
    public Dictionary<string, string?> Settings { get; } = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", provider.ToString());
        builder.UseSetting("Database:Demo", demo ? "true" : "false");
        builder.UseSetting("Database:MigrateOnStart", "true");
        builder.UseSetting("ConnectionStrings:Portal", Database.ConnectionString);
        builder.UseSetting("Storage:Root", Database.Folder);
        builder.UseSetting("Logging:Folder", Path.Combine(Database.Folder, "logs"));
        builder.UseSetting("RateLimits:SignInPerMinute", "1000");
        // Production's default (admins must enrol an authenticator) is off in test hosts unless a test turns it on.
        builder.UseSetting("Auth:RequireAdminTwoFactor", "false");
        foreach (var (key, value) in Settings)
            builder.UseSetting(key, value);
    }

    /// <summary>
    /// The API answers in the culture of Accept-Language, zh-CN without one; the tests read its English texts, so every
    /// client asks for en-US unless a test removes the header (pages ignore it: they follow the cookie, zh-CN by default).
    /// </summary>
    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US");
    }

    /// <summary>A client carrying a staff bearer token from POST /api/v1/auth/token.</summary>
    public async Task<HttpClient> ClientForStaffAsync(string userName, string password = DemoPassword)
    {
        var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName, password });
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return client;
    }

    /// <summary>Runs work against the database with the system scope (sees everything).</summary>
    public async Task<T> WithDbAsync<T>(Func<PortalDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        var options = scope.ServiceProvider.GetRequiredService<DbContextOptions<PortalDbContext>>();
        await using var db = new PortalDbContext(options).WithScope(AccessScope.System);
        return await work(db);
    }

    public Task WithDbAsync(Func<PortalDbContext, Task> work) => WithDbAsync(async db => { await work(db); return 0; });

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && database.IsValueCreated)
            database.Value.Dispose();
    }
}

public sealed record TokenResponse(string AccessToken, string TokenType, int ExpiresIn);
