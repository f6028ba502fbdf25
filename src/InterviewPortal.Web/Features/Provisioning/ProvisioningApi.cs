using Hangfire;
using InterviewPortal.Data;
using InterviewPortal.Data.Candidates;
using InterviewPortal.Web.Features.Audit;
using InterviewPortal.Web.Infrastructure.Auth;
using InterviewPortal.Web.Infrastructure.Privacy;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.Web.Features.Provisioning;

public sealed record ProvisioningQueued(int CollegeId, int Candidates);

public sealed record ProvisioningItem(int CandidateId, string ExamNumber, string Name, string Phone, AccountProvisioning Provisioning,
    string? WeLinkUserId, string? Error);

public static class ProvisioningApi
{
    public static IServiceCollection AddProvisioningHandlers(this IServiceCollection services) => services.AddScoped<ProvisionCollegeJob>();

    public static RouteGroupBuilder MapProvisioningApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/colleges/{id:int}").WithTags("Provisioning").RequireAuthorization(Policies.Planner);
        group.MapPost("/provision", Provision);
        group.MapGet("/provisioning", List);
        return api;
    }

    /// <summary>Queues WeLink accounts for the college's candidates that have none (or failed) and starts the job. A secretary only for their college.</summary>
    private static async Task<Results<Accepted<ProvisioningQueued>, NotFound>> Provision(int id, PortalDbContext db, IBackgroundJobClient jobs, InterviewPortal.Web.Infrastructure.Jobs.JobsOptions options, CancellationToken ct)
    {
        if (!db.Scope.Covers(id) || !await db.Colleges.AnyAsync(c => c.Id == id, ct))
            return TypedResults.NotFound();
        var count = await db.Candidates
            .Where(c => c.CollegeId == id && (c.Provisioning == AccountProvisioning.NotRequested || c.Provisioning == AccountProvisioning.Failed))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Provisioning, AccountProvisioning.Pending).SetProperty(c => c.ProvisioningError, (string?)null), ct);
        db.Record("college.provisioned", "College", id, $"{count} candidates queued for WeLink accounts");
        await db.SaveChangesAsync(ct);
        jobs.Enqueue<ProvisionCollegeJob>(options.Queue, j => j.RunAsync(id, CancellationToken.None));
        return TypedResults.Accepted($"/api/v1/colleges/{id}/provisioning", new ProvisioningQueued(id, count));
    }

    /// <summary>The college's candidates and their account state; <c>status=Failed</c> lists the failures with their errors.</summary>
    private static async Task<Results<Ok<List<ProvisioningItem>>, NotFound>> List(int id, AccountProvisioning? status, PortalDbContext db, CancellationToken ct)
    {
        if (!db.Scope.Covers(id))
            return TypedResults.NotFound();
        var query = db.Candidates.AsNoTracking().Where(c => c.CollegeId == id);
        if (status is not null)
            query = query.Where(c => c.Provisioning == status);
        var rows = await query.OrderBy(c => c.ExamNumber)
            .Select(c => new { c.Id, c.ExamNumber, c.Name, c.Phone, c.Provisioning, c.WeLinkUserId, c.ProvisioningError }).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(c => new ProvisioningItem(c.Id, c.ExamNumber, c.Name, PersonalData.MaskPhone(c.Phone), c.Provisioning, c.WeLinkUserId, c.ProvisioningError)).ToList());
    }
}
