using Community.Tests.Support;

namespace Community.Tests.Gateway;

/// <summary>A node with <see cref="MemberCount"/> signed-up members; each test makes its own room for them.</summary>
public sealed class ConcurrentSendFixture : IAsyncLifetime
{
    public const int MemberCount = 20;

    public CommunityNode Node { get; private set; } = null!;

    public IReadOnlyList<TestMember> Members { get; private set; } = [];

    public async Task InitializeAsync()
    {
        Node = await CommunityNode.StartAsync(settings: Steps.UnlimitedSends);
        var network = new Network(Node);
        // Signed in once up front, so the concurrent sign-ups below share one secretariat session.
        await network.SecretariatAsync();
        Members = await Task.WhenAll(Enumerable.Range(1, MemberCount).Select(i => network.JoinAsync($"crowd{i:00}")))
            .WaitAsync(Steps.BatchTimeout);
    }

    public async Task DisposeAsync()
    {
        if (Node is not null) await Node.DisposeAsync();
    }
}
