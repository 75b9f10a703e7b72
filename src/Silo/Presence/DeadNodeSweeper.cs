using Community.Grains.Members;
using Community.Grains.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Community.Silo.Presence;

/// <summary>
/// Forgets the hub connections of a node the cluster has declared dead. Every node watches;
/// the store hands each member left offline to one of them, whose member grain announces it.
/// </summary>
internal sealed class DeadNodeSweeper(IClusterMembershipService membership, IPresenceStore presence, IGrainFactory grains,
    ILogger<DeadNodeSweeper> logger) : BackgroundService
{
    private readonly HashSet<SiloAddress> _swept = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var snapshot in membership.MembershipUpdates.WithCancellation(stoppingToken))
        {
            foreach (var dead in snapshot.Members.Values.Where(m => m.Status == SiloStatus.Dead && !_swept.Contains(m.SiloAddress)))
            {
                try
                {
                    foreach (var memberId in await presence.ForgetNodesAsync(DateTimeOffset.MinValue, leavingNodeId: dead.SiloAddress.ToParsableString()))
                        await grains.GetGrain<IMemberGrain>(memberId).WentOfflineAsync();
                    _swept.Add(dead.SiloAddress);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    PresenceLog.Failed(logger, ex);
                }
            }
        }
    }
}
