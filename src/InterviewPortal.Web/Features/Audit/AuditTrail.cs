using System.Text.RegularExpressions;
using InterviewPortal.Data;
using InterviewPortal.Data.Audit;

namespace InterviewPortal.Web.Features.Audit;

/// <summary>Adds an audit entry to the caller's unit of work, with the scope's actor; saved with the change it describes.</summary>
// Action names have one style: "entity.what-happened", what happened in the past tense, lower case, words joined by
// hyphens ("interview.booked", "pledge.confirmed", "id-photo.retake-requested"); tests match them as written.
public static partial class AuditTrail
{
    public static void Record(this PortalDbContext db, string action, string entity, object? entityId, string? detail = null, DateTime? at = null)
    {
        // A programming slip, refused where it is made: every test that touches the entry's path then catches it.
        if (!IsInStyle(action))
            throw new ArgumentException($"Audit action \"{action}\" is not entity.what-happened in lower case with hyphens.", nameof(action));
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

    /// <summary>
    /// For an entry that names a key the insert makes: saves the change, then records the entry and saves it, in one
    /// transaction, so both commit or neither. Not for a caller that holds a transaction already (it saves twice in it).
    /// </summary>
    public static async Task SaveRecordingAsync(this PortalDbContext db, Action<PortalDbContext> record, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        record(db);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    public static bool IsInStyle(string action) => ActionStyle().IsMatch(action);

    [GeneratedRegex(@"^[a-z]+(-[a-z]+)*\.[a-z]+(-[a-z]+)*$")]
    private static partial Regex ActionStyle();
}
