namespace InterviewPortal.Web.Infrastructure.Jobs;

/// <summary>The "Jobs" section: whether this process runs a Hangfire server, and how eagerly it polls.</summary>
public sealed class JobsOptions
{
    /// <summary>
    /// Every node runs a Hangfire server and a notice dispatcher by default; the outbox claim keeps each
    /// notice sent once anyway.
    /// </summary>
    public bool Server { get; set; } = true;

    public int Workers { get; set; } = 10;

    /// <summary>
    /// Delayed jobs move to their queue on this poll, and idle workers fetch on it too. Notices no
    /// longer depend on it (see NoticePollSeconds); invitations and provisioning jobs still do.
    /// </summary>
    public double PollSeconds { get; set; } = 1;

    /// <summary>
    /// The queue this portal's jobs go to and its server reads. Unset on SQLite, it is derived from the
    /// storage folder: Hangfire.Storage.SQLite keeps one storage per process, so two portals in one
    /// process (the tests) would otherwise run each other's jobs against the wrong database.
    /// </summary>
    public string Queue { get; set; } = "";

    /// <summary>How often each node's <c>NoticeDispatcher</c> looks for due pre-exam notices in the Notifications table.</summary>
    public double NoticePollSeconds { get; set; } = 1;

    /// <summary>Base of a failed notice's back-off: attempt n waits this × 2^n seconds before the next.</summary>
    public double NoticeRetrySeconds { get; set; } = 10;

    /// <summary>How many notices one node sends at the same time.</summary>
    public int NoticeParallelism { get; set; } = 8;

    /// <summary>Register the recurring jobs (the lost-notice sweep) at start-up.</summary>
    public bool Recurring { get; set; } = true;
}
