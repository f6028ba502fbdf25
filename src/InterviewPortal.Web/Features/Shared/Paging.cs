using InterviewPortal.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.Web.Features.Shared;

/// <summary>A page of a list: <c>{ items, total, page, pageSize }</c>.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);

public readonly record struct PageRequest(int Page, int PageSize)
{
    public const int MaxPageSize = 200;

    /// <summary>Defaults page 1 and 50 a page; returns the field errors for values out of range.</summary>
    public static PageRequest From(int? page, int? pageSize, out Dictionary<string, string[]> errors)
    {
        errors = [];
        if (page is < 1)
            errors["page"] = [Texts.Get("Shared.PageMustBe1OrMore")];
        if (pageSize is < 1 or > MaxPageSize)
            errors["pageSize"] = [$"pageSize must be between 1 and {MaxPageSize}."];
        return new PageRequest(page ?? 1, pageSize ?? 50);
    }

    public async Task<Paged<T>> ApplyAsync<TEntity, T>(IQueryable<TEntity> query, Func<IQueryable<TEntity>, IQueryable<T>> project, CancellationToken ct)
    {
        var total = await query.CountAsync(ct);
        var items = await project(query.Skip((Page - 1) * PageSize).Take(PageSize)).ToListAsync(ct);
        return new Paged<T>(items, total, Page, PageSize);
    }
}
