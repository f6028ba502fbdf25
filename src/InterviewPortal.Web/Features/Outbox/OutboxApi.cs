using InterviewPortal.Data;
using InterviewPortal.Web.Features.Shared;
using InterviewPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.Web.Features.Outbox;

public sealed record OutboxItem(long Id, string Kind, string Recipient, string Text, DateTime CreatedAt);

public sealed record OutboxQuery(string? Recipient, string? Kind);

/// <summary>What the simulated gateway would have sent, newest first (admin only: it holds candidates' codes and numbers).</summary>
public sealed class ListOutboxHandler(PortalDbContext db)
{
    public Task<Paged<OutboxItem>> HandleAsync(OutboxQuery query, PageRequest paging, CancellationToken ct)
    {
        var rows = db.GatewayOutbox.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Recipient))
            rows = rows.Where(r => r.Recipient == query.Recipient.Trim());
        if (!string.IsNullOrWhiteSpace(query.Kind))
            rows = rows.Where(r => r.Kind == query.Kind.Trim());
        return paging.ApplyAsync(rows.OrderByDescending(r => r.Id), q => q.Select(r => new OutboxItem(r.Id, r.Kind, r.Recipient, r.Text, r.CreatedAt)), ct);
    }
}

public static class OutboxApi
{
    public static RouteGroupBuilder MapOutboxApi(this RouteGroupBuilder api)
    {
        api.MapGet("/outbox", List).WithTags("Outbox").RequireAuthorization(Policies.Admin);
        return api;
    }

    private static async Task<Results<Ok<Paged<OutboxItem>>, ValidationProblem>> List(
        string? recipient, string? kind, int? page, int? pageSize, ListOutboxHandler handler, CancellationToken ct)
    {
        var paging = PageRequest.From(page, pageSize, out var errors);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);
        return TypedResults.Ok(await handler.HandleAsync(new OutboxQuery(recipient, kind), paging, ct));
    }
}
