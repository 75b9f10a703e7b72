using Microsoft.Extensions.Hosting;

namespace Community.Silo.Storage.Sqlite;

/// <summary>
/// Upkeep of the SQLite file that runs every <see cref="Interval"/> on a thread of its own. SQLite's calls block their
/// thread for as long as they take (a checkpoint syncs files to disk); on the thread pool they would hold back the
/// grains and hub connections that share it.
/// </summary>
internal abstract class SqliteUpkeep : BackgroundService
{
    protected abstract TimeSpan Interval { get; }

    /// <summary>Whether this upkeep runs at all, as configured.</summary>
    protected virtual bool Enabled => true;

    /// <summary>One round of the work, on the upkeep's thread. A failure is logged and the next round tries again.</summary>
    protected abstract void RunOnce(CancellationToken stoppingToken);

    protected abstract void Failed(Exception exception);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Enabled
            ? Task.Factory.StartNew(() => RunUntilStopped(stoppingToken), stoppingToken, TaskCreationOptions.LongRunning, TaskScheduler.Default)
            : Task.CompletedTask;

    private void RunUntilStopped(CancellationToken stoppingToken)
    {
        while (!stoppingToken.WaitHandle.WaitOne(Interval))
        {
            try
            {
                RunOnce(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                Failed(ex);
            }
        }
    }
}
