using FluentValidation;
using InterviewPortal.Data;
using InterviewPortal.Web.Features.Candidates;
using Microsoft.AspNetCore.Mvc;

namespace InterviewPortal.Web.Pages.Candidates;

public class EditModel(PortalDbContext db, IValidator<CandidateInput> validator, SaveCandidateHandler save, GetCandidateHandler get)
    : CandidateFormPage(db, validator, save)
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        // Another college's candidate is hidden by the query filter: 404, as over the API.
        if (await get.ReadAsync(id, FullRecordReads.EditPage, ct) is not { } c)
            return NotFound();
        Input = new CandidateInput(c.ExamNumber, c.Name, c.IdNumber, c.Phone, c.MajorId);
        await LoadMajorsAsync(ct);
        return Page();
    }

    public Task<IActionResult> OnPostAsync(int id, CancellationToken ct) => SaveAsync(id, ct);
}
