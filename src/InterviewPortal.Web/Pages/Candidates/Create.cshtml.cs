using FluentValidation;
using InterviewPortal.Data;
using InterviewPortal.Web.Features.Candidates;
using Microsoft.AspNetCore.Mvc;

namespace InterviewPortal.Web.Pages.Candidates;

public class CreateModel(PortalDbContext db, IValidator<CandidateInput> validator, SaveCandidateHandler save) : CandidateFormPage(db, validator, save)
{
    public Task OnGetAsync(CancellationToken ct) => LoadMajorsAsync(ct);

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => SaveAsync(null, ct);
}
