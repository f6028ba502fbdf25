using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace InterviewPortal.BrowserTests.Infrastructure;

/// <summary>
/// Another site's web server: one HTML page on a free port of the same loopback address as the portal. Another port
/// is another origin but the same site (site ignores the port), like a club's *.xxx.edu.cn beside the portal: the
/// browser sends the portal's SameSite=Strict cookies along with its requests, and Sec-Fetch-Site says "same-site".
/// </summary>
public sealed class AnotherOrigin(WebApplication app, Uri url) : IAsyncDisposable
{
    public Uri Url { get; } = url;

    public static async Task<AnotherOrigin> StartAsync(string host, string html)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://{host}:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/", () => Results.Content(html, "text/html; charset=utf-8"));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new AnotherOrigin(app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
