using System.Text.RegularExpressions;
using InterviewPortal.Data;
using InterviewPortal.Data.Requests;
using InterviewPortal.Web.Features.Audit;
using InterviewPortal.Web.Features.CandidateAuth;
using InterviewPortal.Web.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.Web.Features.Me;

public sealed record PhoneChangeInput(string? NewPhone, string? Reason, UploadedFile? IdCard, UploadedFile? AdmissionTicket);

public sealed record PhoneChangeView(int Id, string NewPhone, RequestStatus Status, DateTime CreatedAt, string? DecisionReason);

/// <summary>Field errors; <see cref="Status"/> is 413 or 415 when every problem is a too large or unreadable file, else 400.</summary>
public sealed record PhoneChangeErrors(Dictionary<string, string[]> Errors, int Status);

/// <summary>
/// A candidate asks their college to change the mobile number (which is also their WeLink account). The two
/// scans are checked by their bytes, encrypted at rest, and the request waits in the secretary's inbox.
/// </summary>
public sealed partial class RequestPhoneChangeHandler(PortalDbContext db, ProtectedFileStore files, TimeProvider clock)
{
    public async Task<(PhoneChangeView? Created, PhoneChangeErrors? Errors)> HandleAsync(int candidateId, PhoneChangeInput input, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var kinds = new List<int>();
        var newPhone = MobilePhone.Normalize(input.NewPhone);
        if (!PhonePattern().IsMatch(newPhone))
            Add(errors, kinds, "newPhone", "请输入 11 位中国大陆手机号 / Enter an 11-digit mainland mobile number.", 400);
        var reason = input.Reason?.Trim() ?? "";
        if (reason.Length == 0)
            Add(errors, kinds, "reason", "请说明更换原因 / Give the reason for the change.", 400);
        else if (reason.Length > 1000)
            Add(errors, kinds, "reason", "最多 1000 字 / At most 1000 characters.", 400);
        var idCard = await ReadAsync(input.IdCard, "idCard", errors, kinds, ct);
        var ticket = await ReadAsync(input.AdmissionTicket, "admissionTicket", errors, kinds, ct);

        var me = await db.Candidates.AsNoTracking().Where(c => c.Id == candidateId)
            .Select(c => new { c.Phone, c.CollegeId }).FirstOrDefaultAsync(ct);
        if (me is null)
            throw new InvalidOperationException("The signed-in candidate no longer exists.");
        if (errors.Count == 0 && newPhone == me.Phone)
            Add(errors, kinds, "newPhone", "新号码与当前号码相同 / The new number is the number you already have.", 400);
        if (errors.Count > 0)
            return (null, new PhoneChangeErrors(errors, kinds.Contains(400) ? 400 : kinds.Contains(413) ? 413 : 415));

        var request = new PhoneChangeRequest
        {
            CandidateId = candidateId,
            CollegeId = me.CollegeId,
            NewPhone = newPhone,
            Reason = reason,
            IdCardImageKey = await files.SaveAsync(idCard, ct),
            AdmissionTicketImageKey = await files.SaveAsync(ticket, ct),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.PhoneChangeRequests.Add(request);
        await db.SaveChangesAsync(ct);
        db.Record("PhoneChangeRequested", nameof(PhoneChangeRequest), request.Id);
        await db.SaveChangesAsync(ct);
        return (ToView(request), null);
    }

    public Task<List<PhoneChangeView>> ListAsync(int candidateId, CancellationToken ct) =>
        db.PhoneChangeRequests.AsNoTracking().Where(r => r.CandidateId == candidateId).OrderByDescending(r => r.Id)
            .Select(r => new PhoneChangeView(r.Id, r.NewPhone, r.Status, r.CreatedAt, r.DecisionReason)).ToListAsync(ct);

    private static PhoneChangeView ToView(PhoneChangeRequest r) => new(r.Id, r.NewPhone, r.Status, r.CreatedAt, r.DecisionReason);

    private static async Task<byte[]> ReadAsync(UploadedFile? file, string field, Dictionary<string, string[]> errors, List<int> kinds, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            Add(errors, kinds, field, "请选择文件（JPEG、PNG 或 PDF）/ Choose a file (JPEG, PNG or PDF).", 400);
            return [];
        }
        if (file.Length > SupportingDocument.MaxBytes)
        {
            Add(errors, kinds, field, "文件不能超过 8 MB / The file must be 8 MB or smaller.", 413);
            return [];
        }
        using var buffer = new MemoryStream((int)file.Length);
        await using (var stream = file.Open())
            await stream.CopyToAsync(buffer, ct);
        var bytes = buffer.ToArray();
        if (SupportingDocument.Sniff(bytes) is null)
        {
            Add(errors, kinds, field, "只接受 JPEG、PNG 图片或 PDF / Only a JPEG or PNG image or a PDF is accepted.", 415);
            return [];
        }
        return bytes;
    }

    private static void Add(Dictionary<string, string[]> errors, List<int> kinds, string field, string message, int status)
    {
        errors[field] = errors.TryGetValue(field, out var existing) ? [.. existing, message] : [message];
        kinds.Add(status);
    }

    [GeneratedRegex(MobilePhone.Pattern)]
    private static partial Regex PhonePattern();
}
