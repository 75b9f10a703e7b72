using Community.Grains.Events;
using Community.Grains.Storage;
using Community.Silo.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Community.Silo.Presence;

/// <summary>
/// Keeps the cluster's view of who is online: this node's members as their first connection
/// here opens and their last one closes, this node's heartbeat, and the members of nodes that
/// died without saying goodbye. Online and offline are announced once, cluster-wide.
/// </summary>
public sealed class PresenceTracker(IPresenceStore presence, IEventPublisher events, NodeIdentity node,
    IOptions<PresenceOptions> options, TimeProvider time, ILogger<PresenceTracker> logger) : BackgroundService
{
    /// <summary>The member's first connection on this node opened.</summary>
    public async Task ConnectedAsync(string memberId)
    {
        if (await presence.AddAsync(memberId, node.NodeId)) events.Publish(new PresenceChanged(memberId, Online: true));
    }

    /// <summary>The member's last connection on this node closed.</summary>
    public async Task DisconnectedAsync(string memberId)
    {
        if (await presence.RemoveAsync(memberId, node.NodeId)) events.Publish(new PresenceChanged(memberId, Online: false));
    }

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
            Announce(await presence.ForgetNodesAsync(DateTimeOffset.MinValue, leavingNodeId: node.NodeId));
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
                Announce(await presence.ForgetNodesAsync(now - options.Value.NodeTimeout));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                PresenceLog.Failed(logger, ex);
            }
        }
    }

    private void Announce(IReadOnlyList<string> offline)
    {
        foreach (var memberId in offline) events.Publish(new PresenceChanged(memberId, Online: false));
    }
}
