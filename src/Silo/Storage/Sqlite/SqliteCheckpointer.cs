using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Community.Silo.Storage.Sqlite;

/// <summary>
/// Checkpoints the write-ahead log into the database file every <c>Interval</c>, on a connection and a thread of its
/// own. Left to SQLite, the commit that fills the log checkpoints it, syncing the database file to disk while its
/// transaction, and a room's whole queue of sends, waits.
/// <para>
/// A passive checkpoint never waits for writers or holds them up, but under a steady stream of commits it never
/// catches up either: the frames committed while it synced are left behind, so SQLite cannot start the log over and
/// the file keeps growing, until the commit that finally starts it over cuts it back (a truncation of tens of
/// megabytes, a tenth of a second or more, inside that commit). So when a passive checkpoint found
/// <c>RestartAbovePages</c> or more frames in the log, a restart checkpoint copies what is left and starts the log
/// over: it holds writers back only while it copies those few frames, and waits at most <c>RestartWait</c> for the
/// writer and for readers of older snapshots (when the wait runs out, the next tick tries again).
/// </para>
/// </summary>
internal sealed class SqliteCheckpointer(SqliteDatabase database, IOptions<SqliteCheckpointOptions> options, StorageMetrics metrics,
    ILogger<SqliteCheckpointer> logger)
    : SqliteUpkeep
{
    private const string Passive = "PASSIVE";
    private const string Restart = "RESTART";

    protected override TimeSpan Interval => options.Value.Interval;

    protected override bool Enabled => options.Value.InBackground;

    protected override void RunOnce(CancellationToken stoppingToken)
    {
        lock (database.Upkeep) CheckpointNow();
    }

    private void CheckpointNow()
    {
        using var connection = database.Open();
        if (Checkpoint(connection, Passive) < options.Value.RestartAbovePages) return;
        using (var timeout = connection.CreateCommand())
        {
            // How long this connection's checkpoints wait for a writer or a reader; set again when the pool hands it out.
            timeout.CommandText = $"PRAGMA busy_timeout={(long)options.Value.RestartWait.TotalMilliseconds};";
            timeout.ExecuteNonQuery();
        }
        Checkpoint(connection, Restart);
    }

    protected override void Failed(Exception exception) => StorageLog.CheckpointFailed(logger, exception);

    /// <summary>One checkpoint; the frames the log held when it began.</summary>
    private long Checkpoint(SqliteConnection connection, string mode)
    {
        var started = Stopwatch.GetTimestamp();
        using var checkpoint = connection.CreateCommand();
        checkpoint.CommandText = $"PRAGMA wal_checkpoint({mode});";
        using var result = checkpoint.ExecuteReader();
        result.Read();
        var frames = result.GetInt64(1);
        metrics.Checkpointed(started, mode);
        return frames;
    }
}
