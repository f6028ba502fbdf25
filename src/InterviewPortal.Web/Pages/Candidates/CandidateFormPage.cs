using InterviewPortal.Web.Features.Shared;
using FluentValidation;
using InterviewPortal.Data;
using InterviewPortal.Web.Features.Candidates;
using InterviewPortal.Web.Infrastructure.Auth;
using InterviewPortal.Web.Infrastructure.Validation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InterviewPortal.Web.Pages.Candidates;

/// <summary>The create and edit pages: the same validator and handler as POST/PUT /api/v1/candidates, errors next to the fields.</summary>
[Authorize(Policy = Policies.Planner)]
public abstract class CandidateFormPage(PortalDbContext db, IValidator<CandidateInput> validator, SaveCandidateHandler save) : PageModel
{
    [BindProperty]
    public CandidateInput Input { get; set; } = new();

    public List<MajorChoice> Majors { get; private set; } = [];

    protected PortalDbContext Db => db;

    protected async Task LoadMajorsAsync(CancellationToken ct) => Majors = await MajorChoices.ForScopeAsync(db, ct);

    protected async Task<IActionResult> SaveAsync(int? id, CancellationToken ct)
    {
        var validation = await validator.ValidateAsync(Input, ct);
        if (!validation.IsValid)
        {
            validation.AddTo(ModelState, nameof(Input));
            await LoadMajorsAsync(ct);
            return Page();
        }
        var result = id is null ? await save.CreateAsync(Input, ct) : await save.UpdateAsync(id.Value, Input, ct);
        if (result.Kind == OutcomeKind.NotFound)
            return NotFound();
        if (!result.Succeeded)
        {
            result.AddTo(ModelState, nameof(Input));
            await LoadMajorsAsync(ct);
            return Page();
        }
        return Redirect($"/Candidates/Details/{result.Value}");
    }
}
