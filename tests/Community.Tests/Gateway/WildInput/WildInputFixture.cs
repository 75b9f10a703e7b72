using Community.Tests.Support;

namespace Community.Tests.Gateway.WildInput;

/// <summary>
/// A node of its own for the property test (what it accepts changes the node's data), with a
/// member who calls, another to name, a room with a message and a meetup, and no send rate to reach.
/// </summary>
public sealed class WildInputFixture : IAsyncLifetime
{
    private CommunityNode? _node;

    public CommunityNode Node => _node ?? throw new InvalidOperationException("The node has not started.");

    public TestMember Caller { get; private set; } = null!;

    public TestMember Secretariat { get; private set; } = null!;

    public KnownIds Known { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _node = await CommunityNode.StartAsync(settings: Steps.UnlimitedSends);
        var network = new Network(_node);
        Secretariat = await network.SecretariatAsync();
        Caller = await network.JoinAsync("wild.caller");
        var other = await network.JoinAsync("wild.other");
        var roomId = await Steps.RoomWithAsync(Caller);
        await using (var hub = await _node.ConnectAsync(Caller)) await hub.SendTextAsync(roomId, "the first message");
        var meetup = await (await Caller.Http.PostJsonAsync($"/api/rooms/{roomId}/meetups",
            new { title = "Lunch", startsAt = DateTimeOffset.UtcNow.AddDays(30), location = "Shibuya" })).ReadJsonAsync(System.Net.HttpStatusCode.Created);
        Known = new KnownIds(roomId, other.Id, meetup.Str("id"), "default.arigatou");
    }

    public async Task DisposeAsync()
    {
        if (_node is not null) await _node.DisposeAsync();
    }
}
