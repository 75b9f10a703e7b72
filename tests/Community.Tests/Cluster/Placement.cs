using Community.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Community.Tests.Cluster;

/// <summary>Where the cluster placed a grain: for tests that need a room on the silo they are about to kill.</summary>
internal static class Placement
{
    /// <summary>A new room whose grain the silo of <paramref name="process"/> hosts, with one message in it.</summary>
    public static async Task<string> RoomHostedByAsync(ClusterUnderTest cluster, TestMember owner, HubTestClient hub, GatewayProcess process)
    {
        var grains = cluster.Node1.Services.GetRequiredService<IGrainFactory>();
        var nodes = new[] { cluster.Node1, cluster.Node2 }.Select(n => n.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress).ToHashSet();
        for (var attempt = 0; attempt < 40; attempt++)
        {
            var room = (await owner.CreateRoomAsync($"Room on the doomed silo {attempt}")).Str("id");
            await hub.SendTextAsync(room, "first", "first");
            var statistics = await grains.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics();
            var host = statistics.Single(s => s.GrainId.Key.ToString() == room).SiloAddress;
            if (!nodes.Contains(host)) return room;
        }
        throw new InvalidOperationException($"No room landed on the silo of {process.BaseAddress} in 40 tries.");
    }
}
