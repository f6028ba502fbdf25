using InterviewPortal.Data;
using InterviewPortal.Data.Requests;
using InterviewPortal.Web.Infrastructure.Privacy;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.Web.Features.Inbox;

public sealed record AssignmentReportItem(int Id, int CandidateId, string CandidateName, string ExamNumber, string MajorCode, string Message,
    DateTime CreatedAt, RequestStatus Status, string? Answer, string? AnsweredBy, DateTime? AnsweredAt);

/// <summary>Phones are masked here as in every list.</summary>
public sealed record PhoneChangeRequestItem(int Id, int CandidateId, string CandidateName, string ExamNumber, string CurrentPhone, string NewPhone,
    string Reason, bool HasIdCard, bool HasAdmissionTicket, DateTime CreatedAt, RequestStatus Status, string? DecisionReason, string? DecidedBy, DateTime? DecidedAt);

/// <summary>The secretary's inbox, open requests first; the query filters keep it to the caller's college.</summary>
public sealed class InboxQueries(PortalDbContext db)
{
    public Task<List<AssignmentReportItem>> AssignmentReportsAsync(RequestStatus? status, CancellationToken ct) =>
        (from r in db.AssignmentReports.AsNoTracking()
         join c in db.Candidates on r.CandidateId equals c.Id
         where status == null || r.Status == status
         orderby r.Status == RequestStatus.Open descending, r.CreatedAt
         select new AssignmentReportItem(r.Id, c.Id, c.Name, c.ExamNumber, c.Major.Code, r.Message, r.CreatedAt, r.Status, r.Answer, r.AnsweredBy, r.AnsweredAt))
        .Take(500).ToListAsync(ct);

    public async Task<List<PhoneChangeRequestItem>> PhoneChangeRequestsAsync(RequestStatus? status, CancellationToken ct)
    {
        var rows = await (from r in db.PhoneChangeRequests.AsNoTracking()
                          join c in db.Candidates on r.CandidateId equals c.Id
                          where status == null || r.Status == status
                          orderby r.Status == RequestStatus.Open descending, r.CreatedAt
                          select new { r, c.Name, c.ExamNumber, c.Phone }).Take(500).ToListAsync(ct);
        return rows.Select(x => new PhoneChangeRequestItem(x.r.Id, x.r.CandidateId, x.Name, x.ExamNumber, PersonalData.MaskPhone(x.Phone),
            PersonalData.MaskPhone(x.r.NewPhone), x.r.Reason, x.r.IdCardImageKey is not null, x.r.AdmissionTicketImageKey is not null,
            x.r.CreatedAt, x.r.Status, x.r.DecisionReason, x.r.DecidedBy, x.r.DecidedAt)).ToList();
    }
}
