using InterviewPortal.Web.Features.Rehearsals;
using InterviewPortal.Web.Features.Shared;
using InterviewPortal.Web.Infrastructure.Auth;
using InterviewPortal.Web.Infrastructure.Localization;
using InterviewPortal.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InterviewPortal.Web.Pages.College;

/// <summary>Candidates whose rehearsal is missing, not assessed or failed before the date the secretary picks.</summary>
[Authorize(Policy = Policies.Planner)]
public class RehearsalsModel(RehearsalGapsHandler handler, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Before { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public Paged<RehearsalGapItem>? Gaps { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (string.IsNullOrEmpty(Before))
            Before = BeijingTime.Today(clock).AddDays(3).ToString(RehearsalGapsHandler.DateFormat, System.Globalization.CultureInfo.InvariantCulture);
        if (!RehearsalGapsHandler.TryParseDate(Before, out var date))
        {
            ModelState.AddModelError(nameof(Before), Texts.Get("College.EnterADateAsYyyyMM"));
            return;
        }
        Gaps = await handler.HandleAsync(date, null, new PageRequest(Math.Max(1, PageNumber), 100), ct);
    }

    public static string Describe(RehearsalGapItem item) => item.Gap switch
    {
        RehearsalGap.Missing => Texts.Get("College.NoRehearsalBooked"),
        RehearsalGap.NoOutcome => Texts.Get("College.OutcomeNotRecorded"),
        _ => item.Outcome switch
        {
            Data.Interviews.RehearsalOutcome.DevicesFailed => Texts.Get("College.DevicesFailed"),
            Data.Interviews.RehearsalOutcome.NetworkFailed => Texts.Get("College.NetworkFailed"),
            _ => Texts.Get("College.DevicesAndNetworkFailed"),
        },
    };
}
