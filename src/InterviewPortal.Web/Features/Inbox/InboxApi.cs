using InterviewPortal.Data.Requests;
using InterviewPortal.Web.Features.Candidates;
using InterviewPortal.Web.Features.Me;
using InterviewPortal.Web.Features.Shared;
using InterviewPortal.Web.Infrastructure.Auth;
using InterviewPortal.Web.Infrastructure.Localization;
using InterviewPortal.Web.Infrastructure.Validation;

namespace InterviewPortal.Web.Features.Inbox;

public static class InboxApi
{
    public static IServiceCollection AddInboxHandlers(this IServiceCollection services) =>
        services.AddScoped<InboxQueries>().AddScoped<AnswerRequestsHandler>().AddScoped<PhoneChangeDocuments>();

    public static RouteGroupBuilder MapInboxApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/inbox").WithTags("Inbox").RequireAuthorization(Policies.Planner);
        group.MapGet("/assignment-reports", async (RequestStatus? status, InboxQueries q, CancellationToken ct) =>
            TypedResults.Ok(await q.AssignmentReportsAsync(status, ct)));
        group.MapPost("/assignment-reports/{id:int}/answer", async (int id, AnswerInput input, AnswerRequestsHandler h, CancellationToken ct) =>
            Answer(await h.AnswerReportAsync(id, input, ct))).Validate<AnswerInput>().Answered();
        group.MapGet("/phone-change-requests", async (RequestStatus? status, InboxQueries q, CancellationToken ct) =>
            TypedResults.Ok(await q.PhoneChangeRequestsAsync(status, ct)));
        group.MapGet("/phone-change-requests/{id:int}/documents/{document}", Document)
            .WithSummary("One scan of an open request (idCard or admissionTicket), re-encoded as JPEG, as an attachment; every view is audited.")
            .Produces<Stream>(StatusCodes.Status200OK, PhoneChangeScan.ContentType).ProducesProblem(404);
        group.MapPost("/phone-change-requests/{id:int}/approve", async (int id, AnswerRequestsHandler h, CancellationToken ct) =>
            Answer(await h.ApprovePhoneChangeAsync(id, ct))).Answered();
        group.MapPost("/phone-change-requests/{id:int}/refuse", async (int id, RefuseInput input, AnswerRequestsHandler h, CancellationToken ct) =>
            Answer(await h.RefusePhoneChangeAsync(id, input, ct))).Validate<RefuseInput>().Answered();
        return api;
    }

    private static async Task<IResult> Document(int id, string document, HttpContext http, PhoneChangeDocuments documents, CancellationToken ct)
    {
        if (!SupportingDocument.TryParse(document, out var kind))
            return TypedResults.Problem(statusCode: 404, title: Texts.Get("Inbox.NotFound"), detail: Texts.Get("Inbox.TheDocumentsAreIdCardAndAdmissionTicket"));
        if (await documents.ViewAsync(id, kind, http.TraceIdentifier, ct) is not { } scan)
            return TypedResults.Problem(statusCode: 404, title: Texts.Get("Inbox.NotFound"),
                detail: Texts.Get("Inbox.NoSuchOpenRequestInYour"));
        PhoneChangeDocuments.WriteHeaders(http.Response, scan);
        return TypedResults.File(scan.Content, PhoneChangeScan.ContentType);
    }

    /// <summary>An answer to a request leaves nothing to return; answering one already decided is 409.</summary>
    private static RouteHandlerBuilder Answered(this RouteHandlerBuilder route) =>
        route.Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status409Conflict);

    private static IResult Answer(Outcome<int> result) => result.ToResult(_ => TypedResults.NoContent());
}
