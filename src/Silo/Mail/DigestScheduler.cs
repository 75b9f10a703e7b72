using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Community.Silo.Mail;

/// <summary>Runs the digest check at its interval on every node (the outbox keys make a digest queued on two nodes one mail).</summary>
public sealed class DigestScheduler(DigestRun digests, IOptions<MailOptions> options, TimeProvider time, ILogger<DigestScheduler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled) return;
        using var timer = new PeriodicTimer(options.Value.DigestCheckInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var queued = await digests.RunAsync();
                if (queued > 0) MailLog.DigestsQueued(logger, queued);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                MailLog.DigestFailed(logger, ex);
            }
        }
    }
}
