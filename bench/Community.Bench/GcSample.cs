namespace Community.Bench;

/// <summary>A runtime's total GC pause time and gen-2 collection count at a moment (a Stopwatch timestamp).</summary>
internal sealed record GcSample(long At, TimeSpan Pause, int Gen2)
{
    public static GcSample Now() => new(System.Diagnostics.Stopwatch.GetTimestamp(), GC.GetTotalPauseDuration(), GC.CollectionCount(2));
}
