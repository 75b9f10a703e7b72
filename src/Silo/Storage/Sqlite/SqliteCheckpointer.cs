using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Community.Silo.Storage.Sqlite;

/// <summary>
/// Checkpoints the write-ahead log into the database file every second, on a connection of its
/// own. Left to SQLite, the commit that fills the log checkpoints it, syncing the database file to
/// disk while its transaction, and a room's whole queue of sends, waits: under a steady stream of
/// messages that was a pause of up to a second every few seconds. A passive checkpoint never waits
/// for writers or readers and never holds them up.
/// </summary>
internal sealed class SqliteCheckpointer(SqliteDatabase database, IOptions<SqliteCheckpointOptions> options, ILogger<SqliteCheckpointer> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.InBackground) return;
        using var timer = new PeriodicTimer(options.Value.Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var connection = await database.OpenAsync();
                await using var checkpoint = connection.CreateCommand();
                checkpoint.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
                await checkpoint.ExecuteNonQueryAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                StorageLog.CheckpointFailed(logger, ex);
            }
        }
    }
}
