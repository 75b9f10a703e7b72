using Community.Tests.Support;

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
        var room = await Placement.RoomHostedByAsync(cluster, owner, hub, doomed).WaitAsync(Timeout);

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
}
