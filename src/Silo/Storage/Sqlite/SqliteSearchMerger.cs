using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Community.Silo.Storage.Sqlite;

/// <summary>
/// Merges the message search index's segments (FTS5) in the background. Each append adds a small segment to the
/// index; left to FTS5, the commit of every 64th page written also merged segments, some hundreds of pages in that
/// one commit (20 to 50 ms, for every reader of the room waiting on it). The schema turns FTS5's own merging off
/// (<c>automerge</c> 0) and this service does the same work in steps of <c>PagesPerStep</c> pages, each in a
/// transaction of its own, with a pause between them in which the rooms' commits go first. Should it fall behind,
/// FTS5 still merges a level that reaches 16 segments itself.
/// </summary>
internal sealed class SqliteSearchMerger(SqliteDatabase database, IOptions<SqliteSearchMergeOptions> options, StorageMetrics metrics,
    ILogger<SqliteSearchMerger> logger)
    : SqliteUpkeep
{
    protected override TimeSpan Interval => options.Value.Interval;

    protected override void RunOnce(CancellationToken stoppingToken)
    {
        using var connection = database.Open();
        while (true)
        {
            bool merged;
            lock (database.Upkeep) merged = MergeStep(connection, options.Value.PagesPerStep, metrics);
            if (!merged || stoppingToken.WaitHandle.WaitOne(options.Value.PauseBetweenSteps)) return;
        }
    }

    protected override void Failed(Exception exception) => StorageLog.SearchMergeFailed(logger, exception);

    /// <summary>
    /// One step: merges segments until about <paramref name="pages"/> pages are written; whether there was anything to
    /// merge (FTS5 changes at least two rows of its own when it merged).
    /// </summary>
    public static bool MergeStep(SqliteConnection connection, int pages, StorageMetrics? metrics)
    {
        var started = Stopwatch.GetTimestamp();
        using var merge = connection.CreateCommand();
        merge.CommandText = """
            SELECT total_changes();
            INSERT INTO message_search_fts (message_search_fts, rank) VALUES ('merge', $pages);
            SELECT total_changes();
            """;
        merge.Parameters.AddWithValue("$pages", pages);
        using var result = merge.ExecuteReader();
        result.Read();
        var before = result.GetInt64(0);
        result.NextResult();
        result.Read();
        var merged = result.GetInt64(0) - before >= 2;
        if (merged) metrics?.SearchMerged(started);
        return merged;
    }
}
