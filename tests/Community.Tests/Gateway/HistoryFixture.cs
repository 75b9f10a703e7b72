using Community.Tests.Support;

namespace Community.Tests.Gateway;

/// <summary>A node with one room of <see cref="MessageCount"/> messages, "message 1" to "message 120" in seq order; tests only read it.</summary>
public sealed class HistoryFixture : IAsyncLifetime
{
    public const int MessageCount = 120;

    public CommunityNode Node { get; private set; } = null!;

    public TestMember Owner { get; private set; } = null!;

    public string RoomId { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Node = await CommunityNode.StartAsync(settings: Steps.UnlimitedSends);
        var network = new Network(Node);
        Owner = await network.JoinAsync("historian");
        RoomId = await Steps.RoomWithAsync(Owner);
        await using var hub = await Node.ConnectAsync(Owner);
        for (var i = 1; i <= MessageCount; i++)
        {
            var sent = await hub.SendTextAsync(RoomId, $"message {i}");
            Assert.Equal(i, sent.Long("seq"));
        }
    }

    public async Task DisposeAsync()
    {
        if (Node is not null) await Node.DisposeAsync();
    }
}
