using InterviewPortal.Data;
using InterviewPortal.Data.Requests;
using InterviewPortal.Web.Features.Audit;
using InterviewPortal.Web.Features.Me;
using InterviewPortal.Web.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace InterviewPortal.Web.Features.Inbox;

public sealed record PhoneChangeScan(byte[] Content, string FileName)
{
    public const string ContentType = "image/jpeg";
}

/// <summary>
/// The scans of a phone-change request for the secretary who judges it: read only while the request is open (the
/// query filters keep it to the caller's college), every view audited before the bytes leave. After the decision
/// the scans are deleted; the retention job finishes a deletion that failed.
/// </summary>
public sealed class PhoneChangeDocuments(PortalDbContext db, ProtectedFileStore store, ILogger<PhoneChangeDocuments> log)
{
    /// <summary>The re-encoded JPEG, or null when the request is not the caller's to see, decided, or its scan is gone.</summary>
    public async Task<PhoneChangeScan?> ViewAsync(int id, SupportingDocumentKind kind, string requestId, CancellationToken ct)
    {
        var request = await db.PhoneChangeRequests.AsNoTracking().Where(r => r.Id == id && r.Status == RequestStatus.Open)
            .Select(r => new { r.CandidateId, r.IdCardImageKey, r.AdmissionTicketImageKey }).FirstOrDefaultAsync(ct);
        var key = kind == SupportingDocumentKind.IdCard ? request?.IdCardImageKey : request?.AdmissionTicketImageKey;
        if (request is null || key is null || await store.ReadAsync(key, ct) is not { } content)
            return null;
        var name = SupportingDocument.Name(kind);
        db.Record("phone-change.document-viewed", nameof(PhoneChangeRequest), id, $"{name}; candidate {request.CandidateId}; request {requestId}");
        await db.SaveChangesAsync(ct);
        return new PhoneChangeScan(content, $"phone-change-{id}-{name}.jpg");
    }

    /// <summary>Personal data: downloaded, never shown inline, cached or sniffed into something else.</summary>
    public static void WriteHeaders(HttpResponse response, PhoneChangeScan scan)
    {
        response.Headers.CacheControl = "no-store";
        response.Headers.Pragma = "no-cache";
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileNameStar = scan.FileName }.ToString();
    }

    /// <summary>
    /// Deletes a decided request's scans, then forgets their keys. Called after the decision is committed; a file
    /// that cannot be deleted keeps its key, so <see cref="Verifications.PhotoRetentionJob"/> tries again.
    /// </summary>
    public async Task DiscardAsync(PhoneChangeRequest request, CancellationToken ct)
    {
        if (request.IdCardImageKey is null && request.AdmissionTicketImageKey is null)
            return;
        try
        {
            foreach (var key in new[] { request.IdCardImageKey, request.AdmissionTicketImageKey })
                if (key is not null)
                    store.Delete(key);
            (request.IdCardImageKey, request.AdmissionTicketImageKey) = (null, null);
            db.Record("phone-change.documents-deleted", nameof(PhoneChangeRequest), request.Id, $"after the decision ({request.Status})");
            await db.SaveChangesAsync(ct);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DbUpdateException)
        {
            log.LogWarning(e, "Scans of phone-change request {RequestId} not deleted yet; the retention job will retry", request.Id);
        }
    }

    /// <summary>For the retention job: decided requests whose scans are still stored (a deletion that failed).</summary>
    public async Task<int> DiscardLeftoversAsync(CancellationToken ct)
    {
        var leftovers = await db.PhoneChangeRequests.IgnoreQueryFilters()
            .Where(r => r.Status != RequestStatus.Open && (r.IdCardImageKey != null || r.AdmissionTicketImageKey != null))
            .OrderBy(r => r.Id).Take(200).ToListAsync(ct);
        foreach (var request in leftovers)
            await DiscardAsync(request, ct);
        return leftovers.Count;
    }
}
