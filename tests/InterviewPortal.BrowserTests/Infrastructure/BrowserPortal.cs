using InterviewPortal.Data.Notifications;
using InterviewPortal.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewPortal.BrowserTests.Infrastructure;

/// <summary>
/// One running portal and one headless Chromium for a test class (use it as <c>IClassFixture&lt;BrowserPortal&gt;</c>).
/// The portal is the integration tests' <see cref="PortalFactory"/> (demo university on a fresh SQLite file), but
/// served by Kestrel on a free loopback port, because Chromium needs real HTTP, not the in-memory TestServer.
/// Chromium is Debian's /usr/bin/chromium, driven by the Node driver shipped inside the Microsoft.Playwright package;
/// nothing is downloaded. Each test gets a fresh browser context from <see cref="RunPageAsync"/>.
/// </summary>
public class BrowserPortal : IAsyncLifetime
{
    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"];

    private readonly Dictionary<string, string> signedInState = [];
    private IPlaywright? playwright;
    private IBrowser? browser;

    public const string DemoPassword = PortalFactory.DemoPassword;

    public PortalFactory Portal { get; } = new();

    /// <summary>The portal's address, e.g. http://127.0.0.1:43817.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    public IBrowser Browser => browser ?? throw new InvalidOperationException("The fixture has not started.");

    public async Task InitializeAsync()
    {
        Portal.UseKestrel(0);
        Portal.StartServer();
        var addresses = Portal.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        BaseUrl = new Uri(addresses.First());

        if (!File.Exists(RepoPaths.Chromium))
            throw new InvalidOperationException($"{RepoPaths.Chromium} is missing: run scripts/test-services.sh (installs Debian's chromium).");
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        // Generous waits: the test machines are small and shared; a real failure still fails, only later.
        Assertions.SetDefaultExpectTimeout(15_000);
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = RepoPaths.Chromium, Headless = true, Args = ChromiumArgs });
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
            await browser.CloseAsync();
        playwright?.Dispose();
        await Portal.DisposeAsync();
    }

    /// <summary>
    /// Opens a fresh context as <paramref name="visit"/> says (signed in, culture switched), runs the test body on
    /// its page, and on any failure saves TestResults/screenshots/&lt;test&gt;[-&lt;label&gt;].png and .html before rethrowing.
    /// </summary>
    public async Task RunPageAsync(Func<IPage, Task> body, Visit? visit = null, string? label = null,
        [System.Runtime.CompilerServices.CallerMemberName] string test = "")
    {
        visit ??= new Visit();
        await using var context = await NewContextAsync(visit);
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        try
        {
            if (!visit.Culture.Equals(Web.Infrastructure.Localization.Lang.Chinese, StringComparison.OrdinalIgnoreCase))
                await SwitchCultureAsync(page, visit.Culture);
            await body(page);
        }
        catch (Exception)
        {
            await SaveEvidenceAsync(page, label is null ? test : $"{test}-{label}");
            throw;
        }
    }

    /// <summary>Clicks nothing: goes through GET /culture/{name} the way the layout's language links do.</summary>
    public static async Task SwitchCultureAsync(IPage page, string culture) =>
        await page.GotoAsync($"/culture/{culture}?returnUrl=%2F");

    /// <summary>A new context; staff sign in once per fixture through the real form, later contexts reuse the cookie.</summary>
    public async Task<IBrowserContext> NewContextAsync(Visit visit)
    {
        var options = new BrowserNewContextOptions { BaseURL = BaseUrl.ToString(), ViewportSize = visit.Viewport, BypassCSP = visit.BypassCsp };
        if (visit.IsAnonymous)
            return await Browser.NewContextAsync(options);
        if (visit.As == Visit.Candidate)
            visit = visit with { As = Visit.CandidatePrefix + await DefaultCandidatePhoneAsync() };
        if (!signedInState.TryGetValue(visit.As, out var state))
        {
            await using var first = await Browser.NewContextAsync(options);
            var page = await first.NewPageAsync();
            if (visit.CandidatePhone is { } phone)
                await SignInCandidateAsync(page, phone);
            else
                await SignInStaffAsync(page, visit.As);
            state = await first.StorageStateAsync();
            signedInState[visit.As] = state;
        }
        options.StorageState = state;
        return await Browser.NewContextAsync(options);
    }

    /// <summary>
    /// The candidate's way in: the phone number into /Candidate/SignIn, the code read from what the simulated
    /// WeLink gateway "sent" (the newest SignInCode row of the GatewayOutbox for that phone), then /Me.
    /// </summary>
    public async Task SignInCandidateAsync(IPage page, string phone)
    {
        await page.GotoAsync("/Candidate/SignIn");
        await page.Locator("#Phone").FillAsync(phone);
        await page.Locator("main form button[type=submit]").First.ClickAsync();
        await page.Locator("#Code").WaitForAsync();
        // The code request only stages the message; the portal sends it moments later: wait until it has gone out.
        for (var waited = 0; await Portal.WithDbAsync(db => db.Notifications.AnyAsync(n => n.Recipient == phone && n.Template == "signin-code"
                 && (n.Status == NotificationStatus.Pending || n.Status == NotificationStatus.Sending) && n.Attempts == 0)); waited += 20)
        {
            if (waited > 10_000)
                throw new TimeoutException("The sign-in code was not sent within 10 s.");
            await Task.Delay(20);
        }
        var text = await Portal.WithDbAsync(db => db.GatewayOutbox
            .Where(r => r.Recipient == phone && r.Kind == "SignInCode").OrderByDescending(r => r.Id).Select(r => r.Text).FirstAsync());
        var code = Regex.Match(text, @"\b\d{6}\b").Value;
        await page.Locator("#Code").FillAsync(code);
        await page.Locator("main form button[type=submit]").First.ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/Me", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The phone of the demo candidate "candidate" stands for: the first of the CS college with an interview.</summary>
    public Task<string> DefaultCandidatePhoneAsync() => Portal.WithDbAsync(db => db.Interviews
        .OrderBy(i => i.CandidateId).Select(i => i.Candidate.Phone).FirstAsync());

    /// <summary>Types the user name and password into /Account/Login and waits for the dashboard.</summary>
    public static async Task SignInStaffAsync(IPage page, string userName, string password = PortalFactory.DemoPassword)
    {
        await page.GotoAsync("/Account/Login");
        await page.Locator("#Input_UserName").FillAsync(userName);
        await page.Locator("#Input_Password").FillAsync(password);
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => !new Uri(url).AbsolutePath.StartsWith("/Account/Login", StringComparison.OrdinalIgnoreCase));
    }

    private static async Task SaveEvidenceAsync(IPage page, string name)
    {
        try
        {
            Directory.CreateDirectory(RepoPaths.Screenshots);
            var file = Path.Combine(RepoPaths.Screenshots, SafeFileName(name));
            await page.ScreenshotAsync(new() { Path = file + ".png", FullPage = true });
            await File.WriteAllTextAsync(file + ".html", await page.ContentAsync());
        }
        catch (PlaywrightException)
        {
            // The page may already be gone (crashed or closed); the original failure matters more.
        }
    }

    private static string SafeFileName(string name)
    {
        var invalid = Path.GetInvalidFileNameChars().Append('/').ToHashSet();
        var safe = new string(name.Select(c => invalid.Contains(c) ? '_' : c).ToArray());
        return safe.Length > 120 ? safe[..120] : safe;
    }
}
