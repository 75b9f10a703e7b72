namespace Community.Bench.NodeChild;

/// <summary>
/// One write the node's storage timed on its meter (<c>Community.Storage</c>): a batch of messages appended, a
/// checkpoint; when it ended (a Stopwatch timestamp) and how long it took (Stopwatch ticks).
/// </summary>
internal sealed record StorageTiming(string Instrument, long EndedAt, long Ticks)
{
    public long StartedAt => EndedAt - Ticks;

    public bool Overlaps(long from, long to) => EndedAt >= from && StartedAt <= to;
}
