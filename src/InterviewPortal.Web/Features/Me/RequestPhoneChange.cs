using InterviewPortal.Data;
using InterviewPortal.Data.Requests;
using InterviewPortal.Web.Features.Audit;
using InterviewPortal.Web.Features.Candidates;
using InterviewPortal.Web.Features.Shared;
using InterviewPortal.Web.Features.Verifications;
using InterviewPortal.Web.Infrastructure.Files;
using InterviewPortal.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InterviewPortal.Web.Features.Me;

public sealed record PhoneChangeInput(string? NewPhone, string? Reason, UploadedFile? IdCard, UploadedFile? AdmissionTicket);

public sealed record PhoneChangeView(int Id, string NewPhone, RequestStatus Status, DateTime CreatedAt, string? DecisionReason);

/// <summary>
/// A candidate asks their college to change the mobile number (which is also their WeLink account). The two
/// scans are re-encoded like ID photos and encrypted at rest, and the request waits in the secretary's inbox.
/// One open request per candidate and a few a day: each holds two scans, and each is a takeover attempt to judge.
/// </summary>
public sealed partial class RequestPhoneChangeHandler(PortalDbContext db, ProtectedFileStore files, PhotoSanitizer sanitizer,
    IOptions<UploadLimits> limits, TimeProvider clock)
{
    public async Task<Outcome<PhoneChangeView>> HandleAsync(int candidateId, PhoneChangeInput input, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var kinds = new List<OutcomeKind>();
        var newPhone = MobilePhone.Normalize(input.NewPhone);
        if (!MobilePhone.IsValid(newPhone))
            Add(errors, kinds, "newPhone", Texts.Get("CandidateAuth.EnterAn11DigitMainlandMobile"), OutcomeKind.Invalid);
        var reason = input.Reason?.Trim() ?? "";
        if (reason.Length == 0)
            Add(errors, kinds, "reason", Texts.Get("Me.GiveTheReasonForTheChange"), OutcomeKind.Invalid);
        else if (reason.Length > 1000)
            Add(errors, kinds, "reason", Texts.Get("Me.AtMost1000Characters"), OutcomeKind.Invalid);
        CheckFile(input.IdCard, "idCard", errors, kinds);
        CheckFile(input.AdmissionTicket, "admissionTicket", errors, kinds);

        var me = await db.Candidates.AsNoTracking().Where(c => c.Id == candidateId)
            .Select(c => new { c.Phone, c.CollegeId }).FirstOrDefaultAsync(ct);
        if (me is null)
            throw new InvalidOperationException("The signed-in candidate no longer exists.");
        if (errors.Count == 0 && newPhone == me.Phone)
            Add(errors, kinds, "newPhone", Texts.Get("Me.TheNewNumberIsTheNumber"), OutcomeKind.Invalid);
        if (errors.Count == 0 && await RefusalAsync(candidateId, ct) is { } early)
            return early; // before any image is decoded
        var idCard = errors.Count == 0 ? await ScanAsync(input.IdCard!, "idCard", errors, kinds, ct) : null;
        var ticket = errors.Count == 0 ? await ScanAsync(input.AdmissionTicket!, "admissionTicket", errors, kinds, ct) : null;
        if (errors.Count > 0)
            return Outcome.OnFields(kinds.Contains(OutcomeKind.Invalid) ? OutcomeKind.Invalid
                : kinds.Contains(OutcomeKind.TooLarge) ? OutcomeKind.TooLarge : OutcomeKind.UnsupportedMediaType, errors);

        var keys = new[] { await files.SaveAsync(idCard, ct), await files.SaveAsync(ticket, ct) };
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            // A write to the candidate's own row first: a second filing for the same candidate waits here until this
            // one commits (PostgreSQL and SQL Server row lock, SQLite write lock), then its check sees this request.
            await db.Candidates.Where(c => c.Id == candidateId).ExecuteUpdateAsync(s => s.SetProperty(c => c.Version, c => c.Version), ct);
            if (await RefusalAsync(candidateId, ct) is { } refused)
            {
                Delete(keys);
                return refused;
            }
            var request = new PhoneChangeRequest
            {
                CandidateId = candidateId,
                CollegeId = me.CollegeId,
                NewPhone = newPhone,
                Reason = reason,
                IdCardImageKey = keys[0],
                AdmissionTicketImageKey = keys[1],
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            };
            db.PhoneChangeRequests.Add(request);
            // The audit entry names the request, whose id the insert generates: it is written second, in the same
            // transaction, so the commit keeps both or neither; its time is the request's, from the same clock.
            await db.SaveChangesAsync(ct);
            db.Record("phone-change.requested", nameof(PhoneChangeRequest), request.Id, at: request.CreatedAt);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return Outcome.Success(ToView(request));
        }
        catch
        {
            Delete(keys); // nothing stored unless the row that points at it is
            throw;
        }
    }

    public Task<List<PhoneChangeView>> ListAsync(int candidateId, CancellationToken ct) =>
        db.PhoneChangeRequests.AsNoTracking().Where(r => r.CandidateId == candidateId).OrderByDescending(r => r.Id)
            .Select(r => new PhoneChangeView(r.Id, r.NewPhone, r.Status, r.CreatedAt, r.DecisionReason)).ToListAsync(ct);

    private static PhoneChangeView ToView(PhoneChangeRequest r) => new(r.Id, r.NewPhone, r.Status, r.CreatedAt, r.DecisionReason);

    /// <summary>A conflict while a request is open; too many once the day's requests are used up.</summary>
    private async Task<Refusal?> RefusalAsync(int candidateId, CancellationToken ct)
    {
        var since = clock.GetUtcNow().UtcDateTime.AddDays(-1);
        var mine = db.PhoneChangeRequests.Where(r => r.CandidateId == candidateId);
        if (await mine.AnyAsync(r => r.Status == RequestStatus.Open, ct))
            return Refuse(OutcomeKind.Conflict, Texts.Get("Me.YouAlreadyHaveAPhoneChange"));
        var perDay = limits.Value.PhoneChangeRequestsPerDay;
        if (await mine.CountAsync(r => r.CreatedAt >= since, ct) >= perDay)
            return Refuse(OutcomeKind.TooMany, Texts.Get("Me.AtMostPhoneChangeRequestsCan", perDay));
        return null;
    }

    private static Refusal Refuse(OutcomeKind kind, string message) => Outcome.OnFields(kind, new Dictionary<string, string[]> { ["newPhone"] = [message] });

    private static void CheckFile(UploadedFile? file, string field, Dictionary<string, string[]> errors, List<OutcomeKind> kinds)
    {
        if (file is null || file.Length == 0)
            Add(errors, kinds, field, "请选择文件（JPEG 或 PNG）/ Choose a file (JPEG or PNG).", OutcomeKind.Invalid);
        else if (file.Length > SupportingDocument.MaxBytes)
            Add(errors, kinds, field, Texts.Get("Me.TheFileMustBe8MB"), OutcomeKind.TooLarge);
    }

    /// <summary>The scan re-encoded as a fresh JPEG, or null with the field's error.</summary>
    private async Task<byte[]?> ScanAsync(UploadedFile file, string field, Dictionary<string, string[]> errors, List<OutcomeKind> kinds, CancellationToken ct)
    {
        var bytes = new byte[file.Length];
        await using (var stream = file.Open())
            await stream.ReadExactlyAsync(bytes, ct);
        var scan = await sanitizer.SanitizeAsync(bytes, ct);
        if (scan.Jpeg is not null)
            return scan.Jpeg;
        var message = scan.Kind == OutcomeKind.UnsupportedMediaType
            ? Texts.Get("Me.OnlyAJPEGOrPNGImage")
            : Texts.Get("Me.TheImageCannotBeUsed") + scan.Error;
        Add(errors, kinds, field, message, scan.Kind);
        return null;
    }

    private void Delete(string[] keys)
    {
        foreach (var key in keys)
            files.Delete(key);
    }

    private static void Add(Dictionary<string, string[]> errors, List<OutcomeKind> kinds, string field, string message, OutcomeKind kind)
    {
        errors[field] = errors.TryGetValue(field, out var existing) ? [.. existing, message] : [message];
        kinds.Add(kind);
    }
}
