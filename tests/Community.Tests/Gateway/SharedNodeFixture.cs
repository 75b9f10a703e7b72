using Community.Tests.Support;

namespace Community.Tests.Gateway;

/// <summary>
/// A plain node and the network that invites onto it: shared by the test classes of the
/// <see cref="SharedNode"/> collection (starting a node costs about a second). Tests that share
/// it use handles of their own, or let <see cref="Network.JoinAsync"/> make them up.
/// </summary>
public sealed class SharedNodeFixture : IAsyncLifetime
{
    private CommunityNode? _node;
    private Network? _network;

    public CommunityNode Node => _node ?? throw new InvalidOperationException("The node has not started.");

    public Network Network => _network ?? throw new InvalidOperationException("The node has not started.");

    public async Task InitializeAsync()
    {
        _node = await CommunityNode.StartAsync();
        _network = new Network(_node);
    }

    public async Task DisposeAsync()
    {
        if (_node is not null) await _node.DisposeAsync();
    }
}
