using System.Globalization;
using System.Runtime.CompilerServices;
using InterviewPortal.Data.Candidates;
using InterviewPortal.Data.Staff;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace InterviewPortal.Web.Infrastructure.Auth;

/// <summary>
/// Makes a revocation saved on this node count at once: after a save that changed a staff account's security stamp
/// or disabled state, or a candidate's session stamp (or removed either), <see cref="SessionStamps"/> forgets its copy
/// and the account's live connections are closed. Watching EF's saves means no write path can forget to tell it.
/// Identity's store marks every column modified on update, so a value counts as changed only if it differs from the
/// one read.
/// </summary>
public sealed class SessionStampInvalidator(IServiceProvider services) : ISaveChangesInterceptor
{
    // Resolved on first use: SessionStamps reads through the context factory, whose options list this interceptor.
    private SessionStamps Stamps => field ??= services.GetRequiredService<SessionStamps>();
    private readonly ConditionalWeakTable<DbContext, List<SessionOwner>> _saving = new();

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Forget(eventData.Context);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData) => Drop(eventData.Context);

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Drop(eventData.Context);
        return Task.CompletedTask;
    }

    private void Collect(DbContext? context)
    {
        if (context is null)
            return;
        List<SessionOwner> owners = [];
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.Entity is StaffUser user && (Removed(entry) || Changed(entry, nameof(StaffUser.SecurityStamp)) || Changed(entry, nameof(StaffUser.DisabledAt))))
                owners.Add(new SessionOwner(false, user.Id));
            else if (entry.Entity is Candidate candidate && (Removed(entry) || Changed(entry, nameof(Candidate.SessionStamp))))
                owners.Add(new SessionOwner(true, candidate.Id.ToString(CultureInfo.InvariantCulture)));
        }
        if (owners.Count > 0)
            _saving.AddOrUpdate(context, owners);
    }

    private void Forget(DbContext? context)
    {
        if (context is not null && _saving.TryGetValue(context, out var owners))
        {
            _saving.Remove(context);
            Stamps.Forget(owners);
        }
    }

    private void Drop(DbContext? context)
    {
        if (context is not null)
            _saving.Remove(context);
    }

    private static bool Removed(EntityEntry entry) => entry.State == EntityState.Deleted;

    private static bool Changed(EntityEntry entry, string property)
    {
        if (entry.State != EntityState.Modified)
            return false;
        var p = entry.Property(property);
        return p.IsModified && !Equals(p.OriginalValue, p.CurrentValue);
    }
}
