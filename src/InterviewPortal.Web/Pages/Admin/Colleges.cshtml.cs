using InterviewPortal.Web.Features.Shared;
using FluentValidation;
using InterviewPortal.Web.Features.Candidates;
using InterviewPortal.Web.Features.Colleges;
using InterviewPortal.Web.Infrastructure.Auth;
using InterviewPortal.Web.Infrastructure.Validation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InterviewPortal.Web.Pages.Admin;

[Authorize(Policy = Policies.Admin)]
public class CollegesModel(SaveCollegeHandler colleges, AddMajorHandler majors, IValidator<CollegeInput> collegeRules, IValidator<MajorInput> majorRules) : PageModel
{
    [BindProperty] public CollegeInput College { get; set; } = new();
    [BindProperty] public MajorInput Major { get; set; } = new();

    public List<(CollegeItem College, List<MajorItem> Majors)> Colleges { get; private set; } = [];
    public string? Error { get; private set; }
    public int? MajorFormFor { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostCollegeAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var validation = await collegeRules.ValidateAsync(College, ct);
        if (!validation.IsValid)
            validation.AddTo(ModelState, nameof(College));
        else if (await colleges.SaveAsync(null, College, ct) is { Succeeded: false } refused)
            refused.AddTo(ModelState, nameof(College));
        else
            return RedirectToPage();
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostMajorAsync(int collegeId, CancellationToken ct)
    {
        ModelState.Clear();
        MajorFormFor = collegeId;
        var validation = await majorRules.ValidateAsync(Major, ct);
        if (!validation.IsValid)
            validation.AddTo(ModelState, nameof(Major));
        else if (await majors.HandleAsync(collegeId, Major, ct) is { Succeeded: false } refused)
        {
            if (refused.Kind == OutcomeKind.NotFound)
                return NotFound();
            refused.AddTo(ModelState, nameof(Major));
        }
        else
            return RedirectToPage();
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(int collegeId, CancellationToken ct)
    {
        var result = await colleges.DeleteAsync(collegeId, ct);
        if (result.Succeeded)
            return RedirectToPage();
        Error = result.Message;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Colleges = [];
        foreach (var college in await colleges.ListAsync(ct))
            Colleges.Add((college, await majors.ListAsync(college.Id, ct) ?? []));
    }
}
