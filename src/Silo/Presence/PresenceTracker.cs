using Community.Grains.Members;
using Community.Grains.Storage;
using Community.Silo.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Community.Silo.Presence;

/// <summary>
/// Keeps this node's heartbeat in the presence store, and forgets the connections of nodes that
/// died without saying goodbye: each member left offline everywhere is announced once, by their grain.
/// </summary>
public sealed class PresenceTracker(IPresenceStore presence, IGrainFactory grains, NodeIdentity node,
    IOptions<PresenceOptions> options, TimeProvider time, ILogger<PresenceTracker> logger) : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await presence.HeartbeatAsync(node.NodeId, time.GetUtcNow());
        await base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await Announce(await presence.ForgetNodesAsync(DateTimeOffset.MinValue, leavingNodeId: node.NodeId));
        }
        catch (Exception ex)
        {
            PresenceLog.Failed(logger, ex);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.HeartbeatInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var now = time.GetUtcNow();
                await presence.HeartbeatAsync(node.NodeId, now);
                await Announce(await presence.ForgetNodesAsync(now - options.Value.NodeTimeout));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                PresenceLog.Failed(logger, ex);
            }
        }
    }

    private async Task Announce(IReadOnlyList<string> offline)
    {
        foreach (var memberId in offline) await grains.GetGrain<IMemberGrain>(memberId).WentOfflineAsync();
    }
}
