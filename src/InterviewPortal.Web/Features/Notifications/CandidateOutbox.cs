using InterviewPortal.Data;
using InterviewPortal.Data.Notifications;
using InterviewPortal.Web.Infrastructure.Database;

namespace InterviewPortal.Web.Features.Notifications;

/// <summary>
/// One message to one candidate, as it is staged. <see cref="Key"/> names what the message is about (it starts with
/// <see cref="Template"/>): the outbox keeps one row per key, so staging the same thing twice never sends it twice.
/// <see cref="Title"/> and <see cref="Text"/> are composed at staging; only the pre-exam notice leaves them empty and
/// is composed when it goes out, from the interview as it is then.
/// </summary>
public sealed record StagedMessage(string Template, string Key, int CandidateId, string Recipient, DateTime DueAt)
{
    public int? InterviewId { get; init; }
    public string? Title { get; init; }
    public string? Text { get; init; }

    /// <summary>Staged after its due time had passed (the sweep's catch-up rows).</summary>
    public bool Late { get; init; }
}

/// <summary>
/// The one way to send a candidate a message (ADR 0003): <see cref="Stage"/> adds its row to the Notifications outbox
/// in the caller's unit of work, so the message exists exactly when the change it reports is committed. Nothing here
/// calls the gateway: <see cref="CandidateMessageSender"/> sends each row once (it claims it first), on the
/// <see cref="NoticeDispatcher"/>'s poll after <see cref="StagedMessage.DueAt"/>, or at once through
/// <see cref="SendNowAsync"/> when the caller must answer with the outcome.
/// </summary>
public sealed class CandidateOutbox(PortalDbContext db, IServiceScopeFactory scopes, TimeProvider clock, ILogger<CandidateOutbox> log)
{
    /// <summary>How far ahead <see cref="DueForOwnSend"/> puts a message; below the sender's early tolerance (2 s).</summary>
    public static readonly TimeSpan OwnSendHold = TimeSpan.FromSeconds(1);

    /// <summary>Adds the message's row to the caller's unit of work; it is saved (or not) with the caller's SaveChanges.</summary>
    public Notification Stage(StagedMessage message)
    {
        var row = Row(message);
        db.Notifications.Add(row);
        return row;
    }

    /// <summary>
    /// Many messages at once, in multi-row INSERTs inside the caller's transaction (auto-scheduling stages thousands
    /// of notices in one request). The rows are not tracked.
    /// </summary>
    public Task StageManyAsync(IReadOnlyList<StagedMessage> messages, CancellationToken ct) =>
        db.InsertRowsAsync(messages.Select(Row).ToList(), ct);

    /// <summary>
    /// The due time of a message the caller sends itself and reports on (<see cref="SendNowAsync"/>): a moment ahead,
    /// so a dispatcher's poll cannot take the row from under the caller, yet due for the caller's own claim at once.
    /// Should the caller die after its commit, the dispatcher sends the row a second later.
    /// </summary>
    public DateTime DueForOwnSend() => clock.GetUtcNow().UtcDateTime + OwnSendHold;

    /// <summary>
    /// After the caller's commit: sends the staged rows now rather than on the dispatcher's next poll, in a unit of
    /// work of its own, through the same claim as the dispatcher (so the two never both send a row). A row that
    /// cannot go out now stays in the outbox (Pending with a back-off) and is missing from the answer.
    /// </summary>
    public async Task<IReadOnlyDictionary<long, NoticeOutcome>> SendNowAsync(IReadOnlyCollection<long> notificationIds)
    {
        if (notificationIds.Count == 0)
            return new Dictionary<long, NoticeOutcome>();
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            // Not the request's token: once committed, a message is sent even if the caller has gone.
            return await scope.ServiceProvider.GetRequiredService<CandidateMessageSender>().SendBatchAsync(notificationIds, CancellationToken.None);
        }
        catch (Exception e)
        {
            log.LogWarning(e, "Could not send {Count} staged candidate messages now; they stay in the outbox", notificationIds.Count);
            return new Dictionary<long, NoticeOutcome>();
        }
    }

    private Notification Row(StagedMessage message)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(message.Recipient);
        // A key names its template, so two kinds of message can never take each other's key.
        if (!message.Key.StartsWith(message.Template, StringComparison.Ordinal))
            throw new ArgumentException($"The key of a {message.Template} message must start with its template.", nameof(message));
        // Only the pre-exam notice is composed when sent; any other message without words would go out empty.
        if (message.Template != NoticeTemplates.PreExam && (string.IsNullOrEmpty(message.Title) || string.IsNullOrEmpty(message.Text)))
            throw new ArgumentException($"A {message.Template} message is composed at staging: give its title and text.", nameof(message));
        return new Notification
        {
            Recipient = message.Recipient,
            Template = message.Template,
            Title = message.Title,
            Text = message.Text,
            InterviewId = message.InterviewId,
            CandidateId = message.CandidateId,
            DueAt = message.DueAt,
            IdempotencyKey = message.Key,
            Late = message.Late,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
    }
}
