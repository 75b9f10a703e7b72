using Community.Grains.Mail;
using Community.Grains.Storage;
using Community.Silo.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Community.Silo.Mail;

/// <summary>
/// Sends what the outbox holds, on every node: each round leases the due mails (so no two nodes send the same one), sends
/// them, and marks each sent, or failed with its next attempt later (<see cref="MailBackoff"/>). A mail whose node died
/// mid-send is taken again when its lease runs out. Rounds follow each other at the poll interval, or at once when this
/// node queued mail.
/// </summary>
public sealed class MailSender(IMailOutboxStore outbox, MailWakeUp wakeUp, NodeIdentity node, IOptions<MailOptions> options,
    TimeProvider time, ILogger<MailSender> logger) : BackgroundService
{
    private const int BatchSize = 50;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var mail = options.Value;
        if (!mail.Enabled)
        {
            MailLog.Off(logger);
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            var full = false;
            try
            {
                full = await SendDueAsync(mail, stoppingToken) == BatchSize;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                MailLog.OutboxFailed(logger, ex);
            }
            if (!full) await wakeUp.WaitAsync(mail.PollInterval, stoppingToken);
        }
    }

    private async Task<int> SendDueAsync(MailOptions mail, CancellationToken stoppingToken)
    {
        var now = time.GetUtcNow();
        var leaseEnd = now + mail.Lease;
        var claimed = await outbox.ClaimAsync(node.NodeId, now, leaseEnd, BatchSize);
        if (claimed.Count == 0) return 0;
        await using var transport = new SmtpTransport(mail, time);
        Exception? unreachable = null;
        foreach (var (message, attempts) in claimed)
        {
            // A mail whose lease could run out mid-send is left for the next round, so no other node sends it meanwhile.
            if (time.GetUtcNow() + mail.Timeout >= leaseEnd) break;
            try
            {
                if (unreachable is not null) throw unreachable;
                await transport.SendAsync(message, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // No connection: the rest of the round fails alike, without waiting for the server once per mail.
                if (!transport.IsConnected) unreachable = ex;
                var next = time.GetUtcNow() + MailBackoff.After(attempts + 1, mail);
                MailLog.Failed(logger, ex, message.Key, attempts + 1, next);
                await outbox.MarkFailedAsync(message.Key, node.NodeId, $"{ex.GetType().Name}: {ex.Message}", next);
                continue;
            }
            await outbox.MarkSentAsync(message.Key, node.NodeId, time.GetUtcNow());
            MailLog.Sent(logger, message.Key);
        }
        return claimed.Count;
    }
}
