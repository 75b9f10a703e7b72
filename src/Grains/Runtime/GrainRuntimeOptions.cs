namespace Community.Grains.Runtime;

public sealed class GrainRuntimeOptions
{
    /// <summary>An activation idle this long is deactivated by the next sweep.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often idle activations are looked for.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How many times a call is retried on fresh state after a stale write. Two nodes appending
    /// to one busy room lose races to each other often; each retry waits a little longer, with jitter.
    /// </summary>
    public int StaleRetries { get; set; } = 25;
}
