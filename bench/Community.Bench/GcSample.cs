namespace Community.Bench;

/// <summary>
/// A runtime's total GC pause time and gen-2 collection count at a moment (a Stopwatch timestamp); for a node, also its
/// thread pool's queued work items and threads.
/// </summary>
internal sealed record GcSample(long At, TimeSpan Pause, int Gen2, long Queued = 0, int Threads = 0)
{
    public static GcSample Now() => new(System.Diagnostics.Stopwatch.GetTimestamp(), GC.GetTotalPauseDuration(), GC.CollectionCount(2));

    public static GcSample WithThreadPool() => Now() with { Queued = ThreadPool.PendingWorkItemCount, Threads = ThreadPool.ThreadCount };
}
