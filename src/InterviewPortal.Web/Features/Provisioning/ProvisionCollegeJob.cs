using InterviewPortal.Data;
using InterviewPortal.Data.Candidates;
using InterviewPortal.Web.Infrastructure.WeLink;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.Web.Features.Provisioning;

/// <summary>
/// After an import: the college's WeLink department, its majors under it, then the pending
/// candidates' accounts in batches of at most ten, each batch polled until WeLink has processed it.
/// The WeLink userId, or the error, is stored per candidate. Safe to run again: provisioned
/// candidates are skipped and WeLink's sync is an upsert.
/// </summary>
[AutomaticRetry(Attempts = 3, DelaysInSeconds = new[] { 30, 120, 600 })]
[DisableConcurrentExecution(timeoutInSeconds: 600)]
public sealed class ProvisionCollegeJob(PortalDbContext db, IWeLinkGateway gateway, ILogger<ProvisionCollegeJob> log)
{
    public const int BatchSize = 10;
    public static TimeSpan PollDelay { get; set; } = TimeSpan.FromSeconds(2);
    private const int MaxPolls = 30;

    public async Task RunAsync(int collegeId, CancellationToken ct)
    {
        var college = await db.Colleges.Include(c => c.Majors).FirstOrDefaultAsync(c => c.Id == collegeId, ct);
        if (college is null)
            return;
        college.WeLinkDepartmentId ??= await gateway.ProvisionDepartmentAsync(new DepartmentRequest(college.Code, college.Name, null), ct);
        await db.SaveChangesAsync(ct);
        foreach (var major in college.Majors.Where(m => m.WeLinkDepartmentId is null))
        {
            major.WeLinkDepartmentId = await gateway.ProvisionDepartmentAsync(new DepartmentRequest($"{college.Code}-{major.Code}", major.Name, college.WeLinkDepartmentId), ct);
            await db.SaveChangesAsync(ct);
        }

        var pending = await db.Candidates.IgnoreQueryFilters().Include(c => c.Major)
            .Where(c => c.CollegeId == collegeId && c.Provisioning == AccountProvisioning.Pending)
            .OrderBy(c => c.Id).ToListAsync(ct);
        foreach (var batch in pending.Chunk(BatchSize))
            await ProvisionBatchAsync(batch, ct);
        log.LogInformation("Provisioned college {CollegeId}: {Count} candidates processed", collegeId, pending.Count);
    }

    private async Task ProvisionBatchAsync(Candidate[] batch, CancellationToken ct)
    {
        try
        {
            var taskId = await gateway.ProvisionAccountsAsync(
                batch.Select(c => new AccountRequest(c.Phone, c.Name, c.Major.WeLinkDepartmentId!)).ToList(), ct);
            for (var poll = 0; poll < MaxPolls; poll++)
            {
                var status = await gateway.GetProvisioningStatusAsync(taskId, ct);
                foreach (var result in status.Results)
                {
                    var candidate = batch.FirstOrDefault(c => c.Phone == result.Phone);
                    if (candidate is null || (result.UserId is null && result.Error is null))
                        continue;
                    candidate.WeLinkUserId = result.UserId ?? candidate.WeLinkUserId;
                    candidate.Provisioning = result.Error is null ? AccountProvisioning.Provisioned : AccountProvisioning.Failed;
                    candidate.ProvisioningError = result.Error is { } e && e.Length > 500 ? e[..500] : result.Error;
                }
                if (status.Finished)
                    break;
                await Task.Delay(PollDelay, ct);
            }
        }
        catch (WeLinkException e)
        {
            foreach (var candidate in batch)
            {
                candidate.Provisioning = AccountProvisioning.Failed;
                candidate.ProvisioningError = e.Message.Length > 500 ? e.Message[..500] : e.Message;
            }
        }
        foreach (var candidate in batch.Where(c => c.Provisioning == AccountProvisioning.Pending))
        {
            candidate.Provisioning = AccountProvisioning.Failed;
            candidate.ProvisioningError = "WeLink did not finish processing the account in time; run provisioning again.";
        }
        await db.SaveChangesAsync(ct);
    }
}
