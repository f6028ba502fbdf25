using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace InterviewPortal.Web.Infrastructure.Validation;

/// <summary>
/// A request whose handler the page does not have (<c>POST /Candidates/Details/1?handler=Nope</c>, a POST to a page
/// that only has OnGet, a PUT) selects no handler method, and Razor Pages then renders the page anyway, without the
/// model its OnGet would have loaded: a NullReferenceException and a 500. Such a request asks for something that does
/// not exist, so it is a 404, decided here for every page. A handler name the page does not define is a 404 too, even
/// where an unnamed handler would have caught it, so that a name either means a handler or nothing; and a page with
/// no handlers at all (a static page such as AccessDenied) is only read, by GET or HEAD.
/// </summary>
public sealed class UnknownHandlerFilter : IPageFilter
{
    private const string HandlerKey = "handler";

    public void OnPageHandlerSelected(PageHandlerSelectedContext context)
    {
    }

    public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        var http = context.HttpContext;
        // The error page is re-executed with the failed request's method and query; it must always render.
        if (http.Features.Get<IExceptionHandlerFeature>() is not null || http.Features.Get<IStatusCodeReExecuteFeature>() is not null)
            return;
        var asked = AskedHandler(context);
        var selected = context.HandlerMethod;
        var unknown = selected is null
            ? context.ActionDescriptor.HandlerMethods.Count > 0 || asked is not null || !(HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
            : asked is not null && !string.Equals(selected.Name, asked, StringComparison.OrdinalIgnoreCase);
        if (unknown)
            context.Result = new NotFoundResult();
    }

    public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
    {
    }

    /// <summary>The handler name as Razor Pages looks for it: route value, then query, then an already-read form.</summary>
    private static string? AskedHandler(PageHandlerExecutingContext context)
    {
        var name = context.RouteData.Values[HandlerKey]?.ToString();
        if (string.IsNullOrEmpty(name))
            name = context.HttpContext.Request.Query[HandlerKey].FirstOrDefault();
        // Only a form binding has already read: reading a body here could throw on a malformed one.
        if (string.IsNullOrEmpty(name))
            name = context.HttpContext.Features.Get<IFormFeature>()?.Form?[HandlerKey].FirstOrDefault();
        return string.IsNullOrEmpty(name) ? null : name;
    }
}
