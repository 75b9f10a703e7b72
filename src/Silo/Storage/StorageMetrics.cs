using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Community.Silo.Storage;

/// <summary>
/// The meter <c>Community.Storage</c>: how long the writes on a room's send path take. A room publishes a batch of
/// messages only once its transaction has committed, so a slow append is a pause every reader of the room sees;
/// on SQLite a checkpoint copies the write-ahead log into the database file beside those commits.
/// </summary>
internal sealed class StorageMetrics
{
    public const string MeterName = "Community.Storage";
    public const string MessageAppend = "community.storage.message_append.duration";
    public const string SqliteCheckpoint = "community.storage.sqlite_checkpoint.duration";

    private readonly Histogram<double> _appends;
    private readonly Histogram<double> _checkpoints;

    public StorageMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _appends = meter.CreateHistogram<double>(MessageAppend, "s", "One batch of a room's messages written: connection, transaction, commit");
        _checkpoints = meter.CreateHistogram<double>(SqliteCheckpoint, "s", "One checkpoint of the SQLite write-ahead log into the database file (tag mode: PASSIVE or RESTART)");
    }

    /// <summary>Records the time since <paramref name="started"/> (a Stopwatch timestamp) as one append of <paramref name="messages"/> messages.</summary>
    public void Appended(long started, int messages) =>
        _appends.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("messages", messages));

    /// <summary>Records the time since <paramref name="started"/> (a Stopwatch timestamp) as one checkpoint of the mode given (<c>PASSIVE</c>, <c>RESTART</c>).</summary>
    public void Checkpointed(long started, string mode) =>
        _checkpoints.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("mode", mode));
}
