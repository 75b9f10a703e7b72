namespace Community.Tests.Cluster;

/// <summary>Two co-hosted nodes: each a gateway and a silo, the grains spread over both.</summary>
public sealed class TwoNodeCluster : ClusterUnderTest
{
    protected override Task StartGrainHostsAsync() => Task.CompletedTask;

    protected override async Task<(Support.CommunityNode, Support.CommunityNode)> StartGatewaysAsync()
    {
        // Both nodes start at once: migrations and joining the cluster must be safe when they race.
        var nodes = await Task.WhenAll(StartNodeAsync(Settings), StartNodeAsync(Settings));
        return (nodes[0], nodes[1]);
    }
}
