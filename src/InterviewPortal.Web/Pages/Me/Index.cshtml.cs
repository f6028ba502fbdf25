using InterviewPortal.Data.Interviews;
using InterviewPortal.Web.Features.CandidateAuth;
using InterviewPortal.Web.Features.Me;
using InterviewPortal.Web.Infrastructure.Auth;
using InterviewPortal.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace InterviewPortal.Web.Pages.Me;

/// <summary>
/// My interview: what every candidate reloads on results day and exam morning, so it is one statement and no form
/// (the college/major report has its own page, /Me/Report), and an antiforgery token only where the page writes: the
/// ID-photo form, and following the room live on the interview's day.
/// </summary>
[Authorize(Policy = Policies.Candidate)]
[OutputCache(PolicyName = MyPageCopy.PolicyName)]
public class IndexModel(GetMyInterviewHandler me, TimeProvider clock) : PageModel
{
    public MyRecord Record { get; private set; } = null!;

    /// <summary>
    /// Whether the page follows the room live (/hubs/me): once there is a meeting, or on the day of an interview still
    /// to happen, when the room may move to the backup platform. Before that day no push concerns the candidate
    /// (the backup meeting is shown only on its day), so the page neither connects nor needs a token.
    /// </summary>
    public bool FollowsRoom { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await me.HandleAsync(User.CandidateId(), ct, countReports: true) is not { } record)
            return NotFound();
        Record = record;
        FollowsRoom = record.Interview is { } i
            && (i.MeetingCode is not null || i.MeetingId is not null
                || (Interview.Active.Contains(i.Status) && DateOnly.FromDateTime(i.StartsAtLocal.DateTime) == BeijingTime.Today(clock)));
        // The photo form and the live room carry this browser's antiforgery token: such a view is never kept.
        if (FollowsRoom || record.Interview is { } withForm && Interview.AcceptsIdPhotoIn(withForm.Status))
            MyPageCopy.NotForOtherViews(HttpContext);
        return Page();
    }
}
