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
            ModelState.AddModelError(nameof(Before), Lang.T("请输入日期，格式为 年-月-日。", "Enter a date as yyyy-MM-dd."));
            return;
        }
        Gaps = await handler.HandleAsync(date, null, new PageRequest(Math.Max(1, PageNumber), 100), ct);
    }

    public static string Describe(RehearsalGapItem item) => item.Gap switch
    {
        RehearsalGap.Missing => Lang.T("未安排演练", "No rehearsal booked"),
        RehearsalGap.NoOutcome => Lang.T("演练结果未登记", "Outcome not recorded"),
        _ => item.Outcome switch
        {
            Data.Interviews.RehearsalOutcome.DevicesFailed => Lang.T("设备未通过", "Devices failed"),
            Data.Interviews.RehearsalOutcome.NetworkFailed => Lang.T("网络未通过", "Network failed"),
            _ => Lang.T("设备和网络均未通过", "Devices and network failed"),
        },
    };
}
