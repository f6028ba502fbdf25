using FluentValidation;
using InterviewPortal.Data;
using InterviewPortal.Web.Features.Shared;
using InterviewPortal.Web.Infrastructure.Localization;
using InterviewPortal.Web.Infrastructure.Validation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.Web.Infrastructure.Problems;

/// <summary>
/// Turns the exceptions that stand for a caller's mistake or a lost race into problem details with the
/// right status; anything else is a 500 with no stack trace. Pages get the /Error page instead.
/// </summary>
public sealed class PortalExceptionHandler(IProblemDetailsService problems, ILogger<PortalExceptionHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        // The middleware has already pointed Request.Path at /Error; the feature keeps the path that failed.
        var path = http.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? http.Request.Path.Value ?? "";
        var problem = exception switch
        {
            // Handlers turn an entity's guard into Outcome.Conflict; this is the backstop for one that reaches here anyway.
            DomainRuleException e => new ProblemDetails { Status = 409, Title = OutcomeResults.ConflictTitle, Detail = e.Message },
            DbUpdateConcurrencyException => new ProblemDetails { Status = 409, Title = OutcomeResults.ConflictTitle, Detail = Texts.Get("Problems.SomeoneElseChangedThisRecordAt") },
            ValidationException e => new HttpValidationProblemDetails(new FluentValidation.Results.ValidationResult(e.Errors).ToErrorDictionary()) { Status = 400, Title = OutcomeResults.InvalidTitle },
            BadHttpRequestException e => new ProblemDetails { Status = e.StatusCode, Title = BadRequestTitle(e.StatusCode), Detail = BadRequestDetail(e) },
            OperationCanceledException when http.RequestAborted.IsCancellationRequested => null,
            _ => null,
        };
        if (problem is null)
        {
            if (http.RequestAborted.IsCancellationRequested)
                return true;
            log.LogError(exception, "Unhandled error on {Method} {Path}", http.Request.Method, path);
            problem = new ProblemDetails { Status = 500, Title = Texts.Get("Problems.AnUnexpectedErrorOccurred"), Detail = Texts.Get("Problems.TheErrorWasLoggedPleaseTry") };
        }
        else
        {
            log.LogInformation("Refused {Method} {Path} with {Status}: {Reason}", http.Request.Method, path, problem.Status, problem.Detail ?? problem.Title);
        }

        if (!path.StartsWith("/api/", StringComparison.OrdinalIgnoreCase))
            return false; // pages: the /Error page renders it

        http.Response.StatusCode = problem.Status ?? 500;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
    }

    private static string BadRequestTitle(int status) => status switch
    {
        413 => OutcomeResults.TooLargeTitle,
        415 => OutcomeResults.UnsupportedMediaTypeTitle,
        _ => OutcomeResults.UnreadableTitle,
    };

    // The framework's messages name the parameter and the problem without echoing the body; keep them.
    private static string BadRequestDetail(BadHttpRequestException e) =>
        e.InnerException is System.Text.Json.JsonException json ? $"The JSON body is not valid: {json.Message}" : e.Message;
}
