using InterviewPortal.Web.Features.Outbox;
using InterviewPortal.Web.Features.Shared;
using InterviewPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InterviewPortal.Web.Pages.Admin;

[Authorize(Policy = Policies.Admin)]
public sealed class OutboxModel(ListOutboxHandler handler) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Recipient { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    public Paged<OutboxItem> Results { get; private set; } = new([], 0, 1, 100);

    public async Task OnGetAsync(CancellationToken ct) =>
        Results = await handler.HandleAsync(new OutboxQuery(Recipient, Kind), new PageRequest(1, 100), ct);
}
