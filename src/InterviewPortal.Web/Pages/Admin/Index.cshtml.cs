using InterviewPortal.Web.Features.ExamDay;
using InterviewPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InterviewPortal.Web.Pages.Admin;

/// <summary>The admin's home: the university board for today, then the administration links.</summary>
[Authorize(Policy = Policies.Admin)]
public class IndexModel(GetUniversityBoardHandler handler) : PageModel
{
    public UniversityBoardView Board { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Board = await handler.HandleAsync(ct);
}
