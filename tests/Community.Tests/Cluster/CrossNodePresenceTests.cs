using Community.Tests.Support;

namespace Community.Tests.Cluster;

public abstract class CrossNodePresenceTests<TCluster>(TCluster cluster) : IClassFixture<TCluster> where TCluster : ClusterUnderTest
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Presence_goes_offline_only_when_the_last_connection_on_either_node_closes()
    {
        var watcher = await cluster.Network.JoinAsync();
        var member = await cluster.Network.JoinAsync();
        await Steps.RoomWithAsync(watcher, member);
        await using var watching = await cluster.Node1.ConnectAsync(watcher);
        var onNode1 = await cluster.Node1.ConnectAsync(member);
        await watching.WaitForEventAsync("presence", p => p.Str("memberId") == member.Id && p.GetProperty("online").GetBoolean(), Timeout);
        var onNode2 = await cluster.Node2.ConnectAsync(member);

        await onNode1.DisposeAsync();
        Assert.True(await IsOnlineAsync(watcher, member));
        await onNode2.DisposeAsync();
        var offline = await watching.WaitForEventAsync("presence", p => p.Str("memberId") == member.Id, Timeout);

        Assert.False(offline.GetProperty("online").GetBoolean());
        Assert.False(await IsOnlineAsync(watcher, member));
    }

    [Fact]
    public async Task A_node_that_is_killed_does_not_leave_its_members_online()
    {
        var watcher = await cluster.Network.JoinAsync();
        var member = await cluster.Network.JoinAsync();
        await using var watching = await cluster.Node1.ConnectAsync(watcher);
        // They share no room: the watcher's client shows the member, and asked for their presence.
        await watching.SubscribePresenceAsync(member.Id);
        await using var doomed = await GatewayProcess.StartAsync(cluster.ProcessNodeSettings);
        var onDoomed = await HubTestClient.ConnectAsync(doomed.BaseAddress, member.Token);
        await watching.WaitForEventAsync("presence", p => p.Str("memberId") == member.Id && p.GetProperty("online").GetBoolean(), Timeout);
        Assert.True(await IsOnlineAsync(watcher, member));

        await doomed.KillAsync();
        var offline = await watching.WaitForEventAsync("presence", p => p.Str("memberId") == member.Id, Timeout);
        await onDoomed.DisposeAsync();

        Assert.False(offline.GetProperty("online").GetBoolean());
        Assert.False(await IsOnlineAsync(watcher, member));
    }

    private static async Task<bool> IsOnlineAsync(TestMember asker, TestMember member) =>
        (await (await asker.Http.GetAsync($"/api/members/{member.Id}")).ReadJsonAsync()).GetProperty("online").GetBoolean();
}

public sealed class CoHostedCrossNodePresenceTests(TwoNodeCluster cluster) : CrossNodePresenceTests<TwoNodeCluster>(cluster);

public sealed class SplitCrossNodePresenceTests(SplitCluster cluster) : CrossNodePresenceTests<SplitCluster>(cluster);
