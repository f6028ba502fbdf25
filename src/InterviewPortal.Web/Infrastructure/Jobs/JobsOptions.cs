namespace InterviewPortal.Web.Infrastructure.Jobs;

/// <summary>The "Jobs" section: whether this process runs a Hangfire server, and how eagerly it polls.</summary>
public sealed class JobsOptions
{
    /// <summary>Every node runs a server by default; the outbox claim keeps each notice sent once anyway.</summary>
    public bool Server { get; set; } = true;

    public int Workers { get; set; } = 10;

    /// <summary>
    /// Delayed jobs move to their queue on this poll, and idle workers fetch on it too. Hangfire's
    /// default (15 s) makes a T-20 notice up to ~30 s late; 1 s keeps p99 lateness within seconds.
    /// </summary>
    public double PollSeconds { get; set; } = 1;

    /// <summary>
    /// The queue this portal's jobs go to and its server reads. Unset on SQLite, it is derived from the
    /// storage folder: Hangfire.Storage.SQLite keeps one storage per process, so two portals in one
    /// process (the tests) would otherwise run each other's jobs against the wrong database.
    /// </summary>
    public string Queue { get; set; } = "";

    /// <summary>Register the recurring jobs (the lost-notice sweep) at start-up.</summary>
    public bool Recurring { get; set; } = true;
}
