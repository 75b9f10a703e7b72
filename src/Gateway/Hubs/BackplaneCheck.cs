using Community.Gateway.Logging;
using Community.Silo.Delivery;

namespace Community.Gateway.Hubs;

/// <summary>
/// Says so, loudly, when this node finds other nodes in its cluster but has no Redis backplane:
/// each node's connections would then hear only the events raised on that node.
/// </summary>
internal sealed class BackplaneCheck(IServiceProvider services, RedisBackplane backplane, ILogger<BackplaneCheck> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (backplane.ConnectionString is not null || services.GetService<IClusterMembershipService>() is not { } membership) return;
        await foreach (var snapshot in membership.MembershipUpdates.WithCancellation(stoppingToken))
        {
            var active = snapshot.Members.Values.Count(m => m.Status == SiloStatus.Active);
            if (active <= 1) continue;
            GatewayLog.ClusterWithoutBackplane(logger, active);
            return;
        }
    }
}
