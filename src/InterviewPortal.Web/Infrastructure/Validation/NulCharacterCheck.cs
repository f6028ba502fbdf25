using System.Text.Json;
using System.Text.Json.Serialization;
using InterviewPortal.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace InterviewPortal.Web.Infrastructure.Validation;

/// <summary>
/// PostgreSQL's text cannot hold U+0000: a search, a name or a reason carrying one makes Npgsql throw (22021) and the
/// request ends in a 500, while SQLite and SQL Server take it silently. No text a person types holds a NUL, so it is
/// refused at every door text comes in by — the query string (here, for every route), JSON bodies
/// (<see cref="NulFreeStrings"/>), page forms (<see cref="PageFormFilter"/>) and the hand-read multipart uploads
/// (<c>MultipartUpload</c>) — with a 400, before any handler reads it.
/// </summary>
public static class NulCharacterCheck
{
    public static string Detail => Texts.Get("Validation.TextMayNotContainTheNUL");

    public static bool HasNul(IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>> values) =>
        values.Any(pair => pair.Key.Contains('\0') || pair.Value.Any(v => v is not null && v.Contains('\0')));

    /// <summary>After the status code pages, so a page caller gets the error page and an API caller problem details.</summary>
    public static IApplicationBuilder UseNulCharacterCheck(this IApplicationBuilder app) =>
        app.Use(async (http, next) =>
        {
            // The return URL is never stored or searched: LocalReturnUrl already turns one holding a control
            // character into the start page, which is kinder than a 400 after signing in.
            if (!HasNul(http.Request.Query.Where(p => !p.Key.Equals(LocalReturnUrl.QueryName, StringComparison.OrdinalIgnoreCase))))
            {
                await next(http);
                return;
            }
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            if (http.Request.Path.StartsWithSegments("/api"))
                await Results.Problem(title: Texts.Get("Shared.TheRequestCouldNotBeRead"), detail: Detail, statusCode: StatusCodes.Status400BadRequest)
                    .ExecuteAsync(http);
        });

    /// <summary>
    /// Page forms, url-encoded or multipart, after model binding has read them (reading a body here could throw on a
    /// malformed one; a form nothing bound is read by nobody, so it stores nothing either).
    /// </summary>
    public sealed class PageFormFilter : IPageFilter
    {
        public void OnPageHandlerSelected(PageHandlerSelectedContext context)
        {
        }

        public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
        {
            var http = context.HttpContext;
            if (http.Features.Get<IExceptionHandlerFeature>() is not null || http.Features.Get<IStatusCodeReExecuteFeature>() is not null)
                return;
            if (http.Request.HasFormContentType && http.Features.Get<IFormFeature>() is { Form: { } form } && HasNul(form))
                context.Result = new BadRequestResult();
        }

        public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
        {
        }
    }
}

/// <summary>Every string a JSON body carries, refused when it holds a NUL (the caller gets the usual bad-JSON 400).</summary>
public sealed class NulFreeStrings : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Checked(reader.GetString());

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

    public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Checked(reader.GetString())!;

    public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
        writer.WritePropertyName(value);

    private static string? Checked(string? text) =>
        text is not null && text.Contains('\0') ? throw new JsonException(NulCharacterCheck.Detail) : text;
}
