using InterviewPortal.Web.Infrastructure.Security;
using Serilog;
using Serilog.Events;

namespace InterviewPortal.Web.Infrastructure.Logging;

public static class LoggingSetup
{
    /// <summary>Console and a rolling file (Logging:Folder, default App_Data/logs), every event masked first.</summary>
    public static WebApplicationBuilder AddPortalLogging(this WebApplicationBuilder builder)
    {
        builder.Services.AddSerilog((services, log) =>
        {
            var folder = builder.Configuration["Logging:Folder"]
                ?? Path.Combine(builder.Configuration["Storage:Root"] ?? "App_Data", "logs");
            log.ReadFrom.Configuration(builder.Configuration)
                .MinimumLevel.Information()
                .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
                .MinimumLevel.Override("Microsoft.EntityFrameworkCore", LogEventLevel.Warning)
                .MinimumLevel.Override("Hangfire", LogEventLevel.Warning)
                // Five lines per WeLink call at Information (100,000 for the T-20 notices of 10,000 interviews); the
                // gateway logs what matters itself, failures and retries still show at Warning.
                .MinimumLevel.Override("System.Net.Http.HttpClient", LogEventLevel.Warning)
                .MinimumLevel.Override("Polly", LogEventLevel.Warning)
                .Enrich.FromLogContext()
                .Enrich.With<PersonalDataMaskingEnricher>()
                // Exceptions are rendered by the sink, past the enricher: the formatter masks the finished text.
                // Both sinks write on a background thread: written inline, every request queued on the sinks'
                // locks (a quarter of the busy time of /api/v1/me at 64 connections). Disposing the host flushes.
                .WriteTo.Async(sink => sink.Console(MaskingTextFormatter.WithTemplate(MaskingTextFormatter.ConsoleTemplate)))
                .WriteTo.Async(sink => sink.File(MaskingTextFormatter.WithTemplate(MaskingTextFormatter.FileTemplate),
                    Path.Combine(folder, "portal-.log"), rollingInterval: RollingInterval.Day,
                    retainedFileCountLimit: 30, fileSizeLimitBytes: 100_000_000, rollOnFileSizeLimit: true));
        },
        // Each host keeps its own logger. Otherwise every host writes through the static Log.Logger (the last
        // host's) and any host's shutdown closes it for all: hosts sharing a process (the tests) lost log lines.
        preserveStaticLogger: true);
        return builder;
    }

    public static WebApplication UsePortalRequestLogging(this WebApplication app)
    {
        var sampler = new RequestLogSampler(app.Configuration.GetSection("Logging:Requests").Get<RequestLogOptions>() ?? new(),
            app.Services.GetRequiredService<Serilog.ILogger>().ForContext<RequestLogSampler>());
        app.UseSerilogRequestLogging(o =>
        {
            // This host's logger, not the static Log.Logger: another host in the same process (tests, two nodes)
            // replaces the static one, and this host's requests would then land in the other host's log file.
            o.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
            // Path only: query strings may carry a phone number or a search for one.
            o.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms";
            // Static files (served before routing, so no endpoint) are not worth a line each; failures always are.
            // Healthy fast reads past a per-second budget are sampled (RequestLogSampler, Logging:Requests).
            o.GetLevel = (http, elapsedMs, exception) =>
                exception is not null || http.Response.StatusCode >= 500 ? LogEventLevel.Error
                : http.GetEndpoint() is null && http.Response.StatusCode < 400 ? LogEventLevel.Verbose
                : sampler.IsHealthyFastRead(http, elapsedMs) && !sampler.Take() ? LogEventLevel.Verbose
                : LogEventLevel.Information;
        });
        return app;
    }
}
