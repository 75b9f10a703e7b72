using Community.Tests.Support;

namespace Community.Tests.Gateway;

/// <summary>
/// One node shared by the tests of a class, with three alumni and the secretariat signed in.
/// Tests create their own rooms (sign-ups cost PBKDF2 time; rooms are cheap), so they do not
/// see each other's state except in the members' room lists.
/// </summary>
public sealed class RoomsNodeFixture : IAsyncLifetime
{
    private CommunityNode? _node;
    private Network? _network;
    private TestMember? _alice;
    private TestMember? _bob;
    private TestMember? _carol;
    private TestMember? _secretariat;

    public CommunityNode Node => Started(_node);

    public Network Network => Started(_network);

    public TestMember Alice => Started(_alice);

    public TestMember Bob => Started(_bob);

    public TestMember Carol => Started(_carol);

    public TestMember Secretariat => Started(_secretariat);

    public async Task InitializeAsync()
    {
        _node = await CommunityNode.StartAsync();
        _network = new Network(_node);
        _secretariat = await _network.SecretariatAsync();
        _alice = await _network.JoinAsync("alice", "山田 花子");
        _bob = await _network.JoinAsync("bob", "佐藤 太郎");
        _carol = await _network.JoinAsync("carol", "Carol Tanaka");
    }

    public async Task DisposeAsync()
    {
        if (_node is not null) await _node.DisposeAsync();
    }

    private static T Started<T>(T? value) where T : class =>
        value ?? throw new InvalidOperationException("The fixture has not started.");
}
