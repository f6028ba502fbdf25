using Microsoft.AspNetCore.WebUtilities;

namespace InterviewPortal.Web.Infrastructure.Localization;

/// <summary>
/// The framework writes some problems itself (a bare 404 or 405 through the status-code pages, an auth challenge) with
/// its English reason phrase as the title; those get the portal's title in the request's language. Titles the portal
/// wrote are already localized and stay as they are.
/// </summary>
public static class ProblemTitles
{
    public static void Localize(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (problem.Status is not { } status || (problem.Title is not null && problem.Title != ReasonPhrases.GetReasonPhrase(status)))
            return;
        var title = Texts.Shared[$"Http.Status{status}"];
        if (!title.ResourceNotFound)
            problem.Title = title;
    }
}
