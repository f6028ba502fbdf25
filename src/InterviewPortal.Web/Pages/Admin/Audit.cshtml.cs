using InterviewPortal.Web.Features.Audit;
using InterviewPortal.Web.Features.Shared;
using InterviewPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InterviewPortal.Web.Pages.Admin;

[Authorize(Policy = Policies.Admin)]
public sealed class AuditModel(ListAuditHandler handler) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Entity { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Actor { get; set; }

    public Paged<AuditItem> Results { get; private set; } = new([], 0, 1, 100);

    public async Task OnGetAsync(CancellationToken ct) =>
        Results = await handler.HandleAsync(new AuditQuery(Entity, Actor), new PageRequest(1, 100), ct);
}
