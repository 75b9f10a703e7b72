using Community.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Community.Tests.Cluster;

/// <summary>A silo killed with <c>kill -9</c> while its rooms take messages.</summary>
public sealed class SiloFailureTests(TwoNodeCluster cluster) : IClassFixture<TwoNodeCluster>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Rooms_of_a_killed_silo_reactivate_on_the_survivors_with_dense_seqs_and_nothing_acknowledged_lost()
    {
        var owner = await cluster.Network.JoinAsync();
        await using var doomed = await GatewayProcess.StartAsync(cluster.ProcessNodeSettings);
        await using var hub = await cluster.Node1.ConnectAsync(owner);
        var room = await RoomHostedByAsync(owner, hub, doomed).WaitAsync(Timeout);

        var acknowledged = new Dictionary<string, long>();
        for (var i = 0; i < 60; i++)
        {
            if (i == 20) await doomed.KillAsync();
            var clientMsgId = $"m{i}";
            var sent = await hub.SendTextAsync(room, $"message {i}", clientMsgId).WaitAsync(Timeout);
            acknowledged[clientMsgId] = sent.Long("seq");
        }

        var log = await owner.HistoryAsync(room, "?after=0&limit=100");
        Assert.Equal(Steps.Range(1, log.Length), log.Seqs());
        foreach (var (clientMsgId, seq) in acknowledged)
            Assert.Equal(seq, Assert.Single(log, m => m.Str("clientMsgId") == clientMsgId).Long("seq"));
        Assert.Equal(acknowledged.Count + 1, log.Length);
    }

    /// <summary>A new room whose grain the silo of <paramref name="process"/> hosts, with one message in it.</summary>
    private async Task<string> RoomHostedByAsync(TestMember owner, HubTestClient hub, GatewayProcess process)
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
