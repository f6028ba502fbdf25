using System.Threading.Channels;
using InterviewPortal.Web.Features.Notifications;

namespace InterviewPortal.Web.Features.CandidateAuth;

/// <summary>
/// Sends a staged sign-in code at once, off the request: the request answers 202 as soon as the code and its outbox
/// row are committed, so neither the gateway's latency nor its refusal (an unknown WeLink user) ever shows in the
/// answer or its timing. Runs on every node, whether or not it runs jobs: the node that took the request sends.
/// A row this node could not take (queue full, crash) is still Pending and the NoticeDispatcher's poll sends it.
/// </summary>
public sealed partial class SignInCodeSender(IServiceScopeFactory scopes, ILogger<SignInCodeSender> log) : BackgroundService
{
    // A slow vendor must not hold one candidate's code behind another's.
    private const int Parallelism = 4;

    private readonly Channel<long> queue = Channel.CreateBounded<long>(new BoundedChannelOptions(10_000)
    {
        FullMode = BoundedChannelFullMode.DropWrite,
    });

    /// <summary>Hands a committed outbox row to the sender; never waits.</summary>
    public void Enqueue(long notificationId) => queue.Writer.TryWrite(notificationId);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Parallelism).Select(_ => ConsumeAsync(stoppingToken)));

    private async Task ConsumeAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var id in queue.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var outcome = await scope.ServiceProvider.GetRequiredService<CandidateMessageSender>().SendAsync(id, stoppingToken);
                    if (outcome is NoticeOutcome.Retrying or NoticeOutcome.Failed)
                        LogNotSent(log, id, outcome);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The row stays Pending (or its claim goes stale): the dispatcher or the sweep takes it from here.
                    LogFailed(log, e, id);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-in code message {NotificationId} not sent: {Outcome}; the outbox row records why")]
    private static partial void LogNotSent(ILogger logger, long notificationId, NoticeOutcome outcome);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-in code message {NotificationId} could not be sent now; the dispatcher retries it")]
    private static partial void LogFailed(ILogger logger, Exception e, long notificationId);
}
