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
    public const string SqliteSearchMerge = "community.storage.sqlite_search_merge.duration";

    private readonly Histogram<double> _appends;
    private readonly Histogram<double> _checkpoints;
    private readonly Histogram<double> _searchMerges;

    public StorageMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _appends = meter.CreateHistogram<double>(MessageAppend, "s", "One batch of a room's messages written: connection, transaction, commit");
        _checkpoints = meter.CreateHistogram<double>(SqliteCheckpoint, "s", "One checkpoint of the SQLite write-ahead log into the database file (tag mode: PASSIVE or RESTART)");
        _searchMerges = meter.CreateHistogram<double>(SqliteSearchMerge, "s", "One step of merging the SQLite message search index's segments");
    }

    /// <summary>Records the time since <paramref name="started"/> (a Stopwatch timestamp) as one append of <paramref name="messages"/> messages.</summary>
    public void Appended(long started, int messages) =>
        _appends.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("messages", messages));

    /// <summary>Records the time since <paramref name="started"/> (a Stopwatch timestamp) as one checkpoint of the mode given (<c>PASSIVE</c>, <c>RESTART</c>).</summary>
    public void Checkpointed(long started, string mode) =>
        _checkpoints.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("mode", mode));

    /// <summary>Records the time since <paramref name="started"/> (a Stopwatch timestamp) as one step of merging the search index.</summary>
    public void SearchMerged(long started) => _searchMerges.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
}
