using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Community.Silo.Storage.Sqlite;

/// <summary>
/// Checkpoints the write-ahead log into the database file every <c>Interval</c>, on a connection of its own. Left to
/// SQLite, the commit that fills the log checkpoints it, syncing the database file to disk while its transaction, and
/// a room's whole queue of sends, waits.
/// <para>
/// A passive checkpoint never waits for writers or holds them up, but under a steady stream of commits it never
/// catches up either: the frames committed while it synced are left behind, so SQLite cannot start the log over and
/// the file keeps growing, until the commit that finally starts it over cuts it back (a truncation of tens of
/// megabytes, a tenth of a second or more, inside that commit). So when a passive checkpoint leaves
/// <c>RestartAbovePages</c> or more frames in a log it could not copy whole, a restart checkpoint copies what is left
/// and starts the log over: it holds writers back only while it copies those few frames, and waits at most
/// <c>RestartWait</c> for the writer and for readers of older snapshots (when the wait runs out, the next tick tries again).
/// </para>
/// </summary>
internal sealed class SqliteCheckpointer(SqliteDatabase database, IOptions<SqliteCheckpointOptions> options, StorageMetrics metrics,
    ILogger<SqliteCheckpointer> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.InBackground) return;
        using var timer = new PeriodicTimer(settings.Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var connection = await database.OpenAsync();
                var passive = await CheckpointAsync(connection, Passive, stoppingToken);
                if (passive.Frames >= settings.RestartAbovePages)
                {
                    await SetBusyTimeoutAsync(connection, settings.RestartWait, stoppingToken);
                    await CheckpointAsync(connection, Restart, stoppingToken);
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                StorageLog.CheckpointFailed(logger, ex);
            }
        }
    }

    private const string Passive = "PASSIVE";
    private const string Restart = "RESTART";

    /// <summary>One checkpoint: the frames in the log and how many of them are now in the database file.</summary>
    private async Task<(long Frames, long Copied)> CheckpointAsync(SqliteConnection connection, string mode, CancellationToken stoppingToken)
    {
        var started = Stopwatch.GetTimestamp();
        await using var checkpoint = connection.CreateCommand();
        checkpoint.CommandText = $"PRAGMA wal_checkpoint({mode});";
        await using var result = await checkpoint.ExecuteReaderAsync(stoppingToken);
        await result.ReadAsync(stoppingToken);
        var (frames, copied) = (result.GetInt64(1), result.GetInt64(2));
        metrics.Checkpointed(started, mode);
        return (frames, copied);
    }

    /// <summary>How long this connection's checkpoints wait for a writer or a reader before they give up; it is set again when the pool hands the connection out.</summary>
    private static async Task SetBusyTimeoutAsync(SqliteConnection connection, TimeSpan wait, CancellationToken stoppingToken)
    {
        await using var timeout = connection.CreateCommand();
        timeout.CommandText = $"PRAGMA busy_timeout={(long)wait.TotalMilliseconds};";
        await timeout.ExecuteNonQueryAsync(stoppingToken);
    }
}
