using System.Text.Json.Serialization;
using InterviewPortal.Web.Features;
using InterviewPortal.Web.Infrastructure.Auth;
using InterviewPortal.Web.Infrastructure.Database;
using InterviewPortal.Web.Infrastructure.Demo;
using InterviewPortal.Web.Infrastructure.Health;
using InterviewPortal.Web.Infrastructure.Jobs;
using InterviewPortal.Web.Infrastructure.Meetings;
using InterviewPortal.Web.Infrastructure.WeLink;
using InterviewPortal.Web.Infrastructure.Localization;
using InterviewPortal.Web.Infrastructure.Logging;
using InterviewPortal.Web.Infrastructure.OpenApi;
using InterviewPortal.Web.Infrastructure.Problems;
using InterviewPortal.Web.Infrastructure.Security;
using InterviewPortal.Web.Infrastructure.ScaleOut;
using InterviewPortal.Web.Infrastructure.StaticAssets;
using InterviewPortal.Web.Infrastructure.Validation;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.WebEncoders;

var builder = WebApplication.CreateBuilder(args);
builder.AddPortalLogging();

builder.Services.AddHttpContextAccessor();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddPortalDatabase(builder.Configuration);
builder.Services.AddPortalAuth();
builder.Services.AddPortalRateLimits(builder.Configuration);
builder.Services.AddPortalLocalization();
builder.Services.AddPortalOpenApi();
builder.Services.AddPortalHealthChecks();
builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = ProblemTitles.Localize);
builder.Services.AddExceptionHandler<PortalExceptionHandler>();
builder.Services.Configure<JsonOptions>(o =>
{
    o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
    o.SerializerOptions.Converters.Add(new NulFreeStrings());
});
// Bad JSON and missing parameters reach PortalExceptionHandler, which answers them as 400 problems.
builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
builder.Services.AddRazorPages().AddMvcOptions(o =>
{
    o.Filters.Add(new CheckboxValueFilter());
    o.Filters.Add(new UnknownHandlerFilter());
    o.Filters.Add(new NulCharacterCheck.PageFormFilter());
});
// Chinese text stays readable in the HTML instead of becoming numeric entities.
builder.Services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
builder.Services.AddScoped<DemoSeeder>();
builder.Services.AddFeatures();
builder.Services.AddPortalScaleOut(builder.Configuration);
builder.Services.AddWeLinkGateway(builder.Configuration);
builder.Services.AddMeetingPlatforms(builder.Configuration);
builder.Services.AddPortalJobs(builder.Configuration);

var app = builder.Build();

if (CreateAdminCommand.IsRequested(args))
{
    await app.Services.MigratePortalDatabaseAsync();
    return await CreateAdminCommand.RunAsync(app.Services, args);
}
if (SeedBenchCommand.IsRequested(args))
    return await SeedBenchCommand.RunAsync(app.Services, args);

if (WeLinkSetup.RefusesToStart(app))
{
    await app.DisposeAsync(); // flushes the log line
    return 1;
}

await app.Services.MigratePortalDatabaseAsync();
await DemoAccounts.SeedOrRetireAsync(app);

// Request logging outside the exception handler: it logs the status the caller got (a refused bad body is the 400
// it answered, not a 500 with a stack trace); the handler logs real failures itself.
app.UsePortalRequestLogging();
// The culture first: the exception handler, the status-code pages and the early checks answer in it too.
app.UseRequestLocalization();
app.UseExceptionHandler("/Error");
app.UsePortalSecurity();
app.UseContentCharsetCheck();
// Bare status codes: problem details for API callers, the friendly error page for people.
app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages());
app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), pages => pages.UseStatusCodePagesWithReExecute("/Error", "?status={0}"));
app.UseNulCharacterCheck();
if (!app.Environment.IsDevelopment())
    app.UseHsts();
app.UsePortalStaticFiles();
app.UseRouting();
app.UseRateLimiter();
app.UseAuthentication();
app.UseCrossSiteWriteGuard();
app.UseAuthorization();
// After authorization: a kept page (only the candidate's own "my interview", MyPageCopy) is served only to a request
// that passed it.
app.UseOutputCache();

app.UsePortalOpenApi();
app.MapPortalHealth();
app.MapCultureSwitch();
app.MapRazorPages();
app.MapFeatureApis();
app.MapPortalScaleOut();
app.MapPortalJobs();

await app.RunAsync();
return 0;

/// <summary>Entry point; public so WebApplicationFactory can start it.</summary>
public partial class Program;
