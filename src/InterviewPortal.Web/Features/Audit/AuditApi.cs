using InterviewPortal.Data;
using InterviewPortal.Web.Features.Shared;
using InterviewPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.Web.Features.Audit;

public sealed record AuditItem(long Id, DateTime At, string Actor, string Action, string Entity, string? EntityId, string? Detail);

public sealed record AuditQuery(string? Entity, string? Actor);

public sealed class ListAuditHandler(PortalDbContext db)
{
    public Task<Paged<AuditItem>> HandleAsync(AuditQuery query, PageRequest paging, CancellationToken ct)
    {
        var rows = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Entity))
            rows = rows.Where(a => a.Entity == query.Entity.Trim());
        if (!string.IsNullOrWhiteSpace(query.Actor))
            rows = rows.Where(a => a.Actor == query.Actor.Trim());
        return paging.ApplyAsync(rows.OrderByDescending(a => a.Id),
            q => q.Select(a => new AuditItem(a.Id, a.At, a.Actor, a.Action, a.Entity, a.EntityId, a.Detail)), ct);
    }
}

public static class AuditApi
{
    public static RouteGroupBuilder MapAuditApi(this RouteGroupBuilder api)
    {
        api.MapGet("/audit", List).WithTags("Audit").RequireAuthorization(Policies.Admin);
        return api;
    }

    private static async Task<Results<Ok<Paged<AuditItem>>, ValidationProblem>> List(
        string? entity, string? actor, int? page, int? pageSize, ListAuditHandler handler, CancellationToken ct)
    {
        var paging = PageRequest.From(page, pageSize, out var errors);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);
        return TypedResults.Ok(await handler.HandleAsync(new AuditQuery(entity, actor), paging, ct));
    }
}
