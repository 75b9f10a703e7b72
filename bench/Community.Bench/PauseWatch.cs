using System.Diagnostics;
using Community.Bench.NodeChild;

namespace Community.Bench;

/// <summary>
/// Samples, every few milliseconds, what could stop a node for a while: the runtime's total GC pause time and gen-2
/// collections (this process's, and the node's when it runs in a process of its own, as it reports them), and the
/// SQLite database file's last write. In WAL mode the database file itself is written only when the write-ahead log
/// is checkpointed into it, so a change of its write time within a gap says a checkpoint ran in it.
/// </summary>
internal sealed class PauseWatch : IAsyncDisposable
{
    private static readonly TimeSpan Every = TimeSpan.FromMilliseconds(5);

    private readonly string? _databaseFile;
    private readonly NodeProcess? _node;
    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly List<Sample> _samples = [];
    private readonly Lock _lock = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;

    public PauseWatch(string? databaseFile, NodeProcess? node)
    {
        (_databaseFile, _node) = (databaseFile, node);
        _sampling = Task.Factory.StartNew(SampleUntilStopped, TaskCreationOptions.LongRunning);
    }

    /// <summary>What happened between two moments (Stopwatch ticks).</summary>
    public string During(long from, long to)
    {
        var samples = Samples();
        if (samples.Length == 0) return "nothing sampled";
        var before = samples.LastOrDefault(s => s.At <= from) ?? samples[0];
        var after = samples.FirstOrDefault(s => s.At >= to) ?? samples[^1];
        var checkpoint = _databaseFile is null ? "" : before.DatabaseWritten != after.DatabaseWritten ? ", the database file was written (a WAL checkpoint)" : ", no WAL checkpoint";
        return Gc(before.Gc, after.Gc, from, to) + checkpoint + Storage(from, to);
    }

    /// <summary>
    /// How long this process's GC held it between two moments (Stopwatch ticks), by the samples so far (those just
    /// outside the moments), at most the time between them.
    /// </summary>
    public Func<long, long, TimeSpan> HerePausedBetween()
    {
        var samples = Samples();
        return (from, to) =>
        {
            if (samples.Length == 0) return TimeSpan.Zero;
            var before = samples[Math.Max(0, UpTo(samples, from))];
            var after = samples[Math.Min(samples.Length - 1, UpTo(samples, to) + 1)];
            var paused = after.Gc.Pause - before.Gc.Pause;
            var span = Stopwatch.GetElapsedTime(from, to);
            return paused < span ? paused : span;
        };
    }

    /// <summary>GC pause time and checkpoints over the whole watch.</summary>
    public string Overall()
    {
        var samples = Samples();
        if (samples.Length < 2) return "nothing sampled";
        var (first, last) = (samples[0], samples[^1]);
        var checkpoints = _databaseFile is null ? "" : $", {samples.Zip(samples.Skip(1)).Count(p => p.First.DatabaseWritten != p.Second.DatabaseWritten)} WAL checkpoints";
        return Gc(first.Gc, last.Gc, first.At, last.At) + checkpoints + Storage(first.At, last.At);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sampling;
        _stop.Dispose();
    }

    /// <summary>The pauses between two samples of this process, and of the node's process between the same moments.</summary>
    private string Gc(GcSample before, GcSample after, long from, long to)
    {
        var here = Paused(before, after);
        if (_node is null) return $"GC paused {here}";
        var node = _node.GcSamples();
        var nodeBefore = node.LastOrDefault(s => s.At <= from) ?? node.FirstOrDefault(s => s.At >= _started);
        var nodeAfter = node.FirstOrDefault(s => s.At >= to) ?? node.LastOrDefault();
        var there = nodeBefore is null || nodeAfter is null ? "not reported" : Paused(nodeBefore, nodeAfter);
        var within = node.Where(s => s.At >= from && s.At <= to).ToArray();
        var pool = within.Length == 0 ? "" : $", node thread pool up to {within.Max(s => s.Queued)} queued on {within.Max(s => s.Threads)} threads";
        return $"node GC paused {there}{pool}, load client GC paused {here}";
    }

    /// <summary>The node's timed storage writes (a millisecond or more) that overlap two moments: how many of each kind, the longest.</summary>
    private string Storage(long from, long to)
    {
        if (_node is null) return "";
        var overlapping = _node.StorageTimings().Where(t => t.Overlaps(from, to)).GroupBy(t => t.Instrument).ToArray();
        if (overlapping.Length == 0) return ", no storage write over 1 ms";
        return string.Concat(overlapping.Select(g =>
        {
            var longest = g.MaxBy(t => t.Ticks)!;
            var share = $"{g.Count(t => t.Ticks >= Stopwatch.Frequency / 100)} of {g.Count()} over 10 ms";
            return $", {g.Key.Replace("community.storage.", "")} over 1 ms: {g.Count()} ({share}), the longest {Stopwatch.GetElapsedTime(0, longest.Ticks).TotalMilliseconds:0.0} ms";
        }));
    }

    private static string Paused(GcSample before, GcSample after) =>
        $"{(after.Pause - before.Pause).TotalMilliseconds:0.0} ms ({after.Gen2 - before.Gen2} gen-2 collections)";

    /// <summary>The index of the last sample taken at or before <paramref name="at"/> (-1 when none).</summary>
    private static int UpTo(Sample[] samples, long at)
    {
        var (low, high) = (0, samples.Length - 1);
        while (low <= high)
        {
            var middle = (low + high) / 2;
            if (samples[middle].At <= at) low = middle + 1;
            else high = middle - 1;
        }
        return high;
    }

    private Sample[] Samples()
    {
        lock (_lock) return _samples.ToArray();
    }

    private void SampleUntilStopped()
    {
        while (!_stop.IsCancellationRequested)
        {
            var written = _databaseFile is not null && File.Exists(_databaseFile) ? File.GetLastWriteTimeUtc(_databaseFile) : default;
            var gc = GcSample.Now();
            lock (_lock) _samples.Add(new Sample(gc.At, gc, written));
            Thread.Sleep(Every);
        }
    }

    private sealed record Sample(long At, GcSample Gc, DateTime DatabaseWritten);
}
