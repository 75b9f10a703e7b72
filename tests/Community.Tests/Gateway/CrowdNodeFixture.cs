using Community.Tests.Support;

namespace Community.Tests.Gateway;

/// <summary>
/// One node with enough members for a room past the size where <c>@all</c> and <c>@here</c> are
/// kept for its owner, moderators and the secretariat: an owner, 20 other alumni and the
/// secretariat, all signed in, and no send rate any test reaches. Tests make their own rooms.
/// </summary>
public sealed class CrowdNodeFixture : IAsyncLifetime
{
    /// <summary>How many alumni besides the owner: with the owner, a room one past the open size.</summary>
    public const int CrowdSize = 20;

    private CommunityNode? _node;
    private Network? _network;
    private TestMember? _owner;
    private TestMember? _secretariat;
    private TestMember[] _crowd = [];

    public CommunityNode Node => Started(_node);

    public Network Network => Started(_network);

    /// <summary>The member who creates the tests' rooms, and so owns them.</summary>
    public TestMember Owner => Started(_owner);

    public TestMember Secretariat => Started(_secretariat);

    /// <summary>Alumni with no role in any room but <c>member</c>.</summary>
    public IReadOnlyList<TestMember> Crowd => _crowd;

    /// <summary>A new public room of <see cref="Owner"/>'s that the first <paramref name="others"/> of the crowd joined; its id.</summary>
    public Task<string> RoomOfAsync(int others) => Owner.RoomWithAsync([.. _crowd.Take(others)]);

    public async Task InitializeAsync()
    {
        _node = await CommunityNode.StartAsync(settings: Steps.UnlimitedSends);
        _network = new Network(_node);
        _secretariat = await _network.SecretariatAsync();
        _owner = await _network.JoinAsync();
        var crowd = new List<TestMember>();
        for (var i = 0; i < CrowdSize; i++) crowd.Add(await _network.JoinAsync());
        _crowd = [.. crowd];
    }

    public async Task DisposeAsync()
    {
        if (_node is not null) await _node.DisposeAsync();
    }

    private static T Started<T>(T? value) where T : class =>
        value ?? throw new InvalidOperationException("The fixture has not started.");
}
