using System.Diagnostics;

namespace Community.Bench;

/// <summary>
/// Samples, every few milliseconds, what could stop a node for a while: the runtime's total GC
/// pause time and gen-2 collections, and the SQLite database file's last write. In WAL mode the
/// database file itself is written only when the write-ahead log is checkpointed into it, so a
/// change of its write time within a gap says a checkpoint ran in it.
/// </summary>
internal sealed class PauseWatch : IAsyncDisposable
{
    private static readonly TimeSpan Every = TimeSpan.FromMilliseconds(5);

    private readonly string? _databaseFile;
    private readonly List<Sample> _samples = [];
    private readonly Lock _lock = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;

    public PauseWatch(string? databaseFile)
    {
        _databaseFile = databaseFile;
        _sampling = Task.Factory.StartNew(SampleUntilStopped, TaskCreationOptions.LongRunning);
    }

    /// <summary>What happened between two moments (Stopwatch ticks).</summary>
    public string During(long from, long to)
    {
        Sample[] samples;
        lock (_lock) samples = _samples.ToArray();
        if (samples.Length == 0) return "nothing sampled";
        var before = samples.LastOrDefault(s => s.At <= from) ?? samples[0];
        var after = samples.FirstOrDefault(s => s.At >= to) ?? samples[^1];
        var paused = (after.GcPause - before.GcPause).TotalMilliseconds;
        var gen2 = after.Gen2 - before.Gen2;
        var checkpoint = _databaseFile is null ? "" : before.DatabaseWritten != after.DatabaseWritten ? ", the database file was written (a WAL checkpoint)" : ", no WAL checkpoint";
        return $"GC paused {paused:0.0} ms ({gen2} gen-2 collections){checkpoint}";
    }

    /// <summary>GC pause time and checkpoints over the whole watch.</summary>
    public string Overall()
    {
        Sample[] samples;
        lock (_lock) samples = _samples.ToArray();
        if (samples.Length < 2) return "nothing sampled";
        var (first, last) = (samples[0], samples[^1]);
        var checkpoints = _databaseFile is null ? "" : $", {samples.Zip(samples.Skip(1)).Count(p => p.First.DatabaseWritten != p.Second.DatabaseWritten)} WAL checkpoints";
        return $"GC paused {(last.GcPause - first.GcPause).TotalMilliseconds:0} ms in all ({last.Gen2 - first.Gen2} gen-2 collections){checkpoints}";
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sampling;
        _stop.Dispose();
    }

    private void SampleUntilStopped()
    {
        while (!_stop.IsCancellationRequested)
        {
            var written = _databaseFile is not null && File.Exists(_databaseFile) ? File.GetLastWriteTimeUtc(_databaseFile) : default;
            var sample = new Sample(Stopwatch.GetTimestamp(), GC.GetTotalPauseDuration(), GC.CollectionCount(2), written);
            lock (_lock) _samples.Add(sample);
            Thread.Sleep(Every);
        }
    }

    private sealed record Sample(long At, TimeSpan GcPause, int Gen2, DateTime DatabaseWritten);
}
