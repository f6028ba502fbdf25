using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using InterviewPortal.Data.Staff;
using InterviewPortal.IntegrationTests.Infrastructure;
using InterviewPortal.Web.Infrastructure.Database;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace InterviewPortal.IntegrationTests.Auth;

/// <summary>
/// The demo portal where each test client plays a client address (TestServer has none of its own), and the
/// password hasher counts its verifications, to prove the unknown-user path does the same hashing work.
/// </summary>
public class SignInPortal : PortalFactory
{
    public const string AddressHeader = "X-Test-Client-Address";
    public const int AccountCeiling = 30;

    public SignInPortal(DatabaseProvider provider, bool requireAdminTwoFactor) : base(provider)
    {
        Settings["Auth:SignIn:AccountFailuresPerHour"] = AccountCeiling.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Settings["Auth:RequireAdminTwoFactor"] = requireAdminTwoFactor ? "true" : "false";
    }

    public CountingPasswordHasher Hasher => Services.GetRequiredService<CountingPasswordHasher>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s =>
        {
            s.AddSingleton<IStartupFilter, ClientAddressFromHeader>();
            s.AddSingleton<CountingPasswordHasher>();
            s.AddScoped<IPasswordHasher<StaffUser>>(sp => sp.GetRequiredService<CountingPasswordHasher>());
        });
    }

    /// <summary>A client at the given address; pages need <paramref name="redirects"/> off to see where a sign-in sends them.</summary>
    public HttpClient ClientAt(string address, bool redirects = true)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = redirects });
        client.DefaultRequestHeaders.Add(AddressHeader, address);
        return client;
    }

    public static Task<HttpResponseMessage> TokenAsync(HttpClient client, string userName, string password,
        string? twoFactorCode = null, string? recoveryCode = null) =>
        client.PostAsJsonAsync("/api/v1/auth/token", new { userName, password, twoFactorCode, recoveryCode });

    /// <summary>A fresh staff account of the given role (a secretary of college 1), made with the app's own UserManager.</summary>
    public async Task<StaffUser> NewStaffAsync(string userName, string role = StaffRoles.Assistant)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = new StaffUser { UserName = userName, DisplayName = userName, CollegeId = role == StaffRoles.Secretary ? 1 : null };
        Assert.True((await users.CreateAsync(user, DemoPassword)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        return user;
    }

    /// <summary>A problem's body without its traceId, which differs between any two requests whatever their cause.</summary>
    public static async Task<string> ProblemWithoutTraceAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.True(body.Remove("traceId"));
        return body.ToJsonString();
    }

    public static async Task<string> TitleAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString()!;

    private sealed class ClientAddressFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (IPAddress.TryParse(context.Request.Headers[AddressHeader].ToString(), out var address))
                    context.Connection.RemoteIpAddress = address;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

/// <summary>Identity's own hasher, counting how often a password is checked against a hash.</summary>
public sealed class CountingPasswordHasher(IOptions<PasswordHasherOptions> options) : IPasswordHasher<StaffUser>
{
    private readonly PasswordHasher<StaffUser> inner = new(options);
    private int verifications;

    public int Verifications => Volatile.Read(ref verifications);

    public string HashPassword(StaffUser user, string password) => inner.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(StaffUser user, string hashedPassword, string providedPassword)
    {
        Interlocked.Increment(ref verifications);
        return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}

public sealed class SqliteSignInPortal() : SignInPortal(DatabaseProvider.Sqlite, requireAdminTwoFactor: false);
public sealed class PostgresSignInPortal() : SignInPortal(DatabaseProvider.PostgreSql, requireAdminTwoFactor: false);
public sealed class SqliteStrictSignInPortal() : SignInPortal(DatabaseProvider.Sqlite, requireAdminTwoFactor: true);
public sealed class PostgresStrictSignInPortal() : SignInPortal(DatabaseProvider.PostgreSql, requireAdminTwoFactor: true);
