using InterviewPortal.Data;
using InterviewPortal.Data.Audit;

namespace InterviewPortal.Web.Features.Audit;

/// <summary>Adds an audit entry to the caller's unit of work, with the scope's actor; saved with the change it describes.</summary>
// Action names have one style: "entity.what-happened", lower case, words joined by hyphens
// ("interview.book", "pledge.confirmed", "id-photo.retake-requested"); tests match them as written.
public static class AuditTrail
{
    public static void Record(this PortalDbContext db, string action, string entity, object? entityId, string? detail = null, DateTime? at = null) =>
        db.AuditEntries.Add(new AuditEntry
        {
            At = at ?? DateTime.UtcNow,
            Actor = db.Scope.Actor,
            Action = action,
            Entity = entity,
            EntityId = entityId?.ToString(),
            Detail = detail,
        });
}
