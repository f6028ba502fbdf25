using System.Text;
using InterviewPortal.Web.Infrastructure.Localization;
using Microsoft.Net.Http.Headers;

namespace InterviewPortal.Web.Infrastructure.Validation;

/// <summary>
/// A body labelled with a charset .NET cannot decode (<c>application/json; charset=x-no-such</c>, or UTF-7, which .NET
/// refuses) makes the JSON and form readers throw InvalidOperationException deep inside the framework: a 500 for a
/// request that is merely wrong. The label is checked once, before anything reads the body: 415, as problem details
/// on the API and the error page elsewhere.
/// </summary>
public static class ContentCharsetCheck
{
    public static IApplicationBuilder UseContentCharsetCheck(this IApplicationBuilder app) =>
        app.Use(async (http, next) =>
        {
            if (IsReadable(http.Request.ContentType))
            {
                await next(http);
                return;
            }
            http.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            if (http.Request.Path.StartsWithSegments("/api"))
                await Results.Problem(title: Texts.Get("Me.UnsupportedMediaType"), statusCode: StatusCodes.Status415UnsupportedMediaType,
                    detail: Texts.Get("Validation.TheRequestSContentTypeNames")).ExecuteAsync(http);
        });

    private static bool IsReadable(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType) || !MediaTypeHeaderValue.TryParse(contentType, out var parsed))
            return true; // no label, or one the readers themselves refuse cleanly (415 / 400)
        var charset = parsed.Charset.Value?.Trim('"');
        if (string.IsNullOrEmpty(charset))
            return true;
        try
        {
            _ = Encoding.GetEncoding(charset);
            return true;
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            return false;
        }
    }
}
