using Community.Tests.Support;

namespace Community.Tests.Gateway;

/// <summary>
/// One node shared by the test classes of the <see cref="MembersNode"/> collection, with the
/// secretariat and three alumni signed in, and no send rate any test reaches. Tests make their
/// own rooms (sign-ups cost PBKDF2 time; rooms are cheap), so they never see each other's
/// messages; a test that needs a DM of its own makes its own pair with <see cref="NewMemberAsync"/>,
/// since a pair has one DM for life.
/// </summary>
public sealed class MembersNodeFixture : IAsyncLifetime
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

    /// <summary>Signs up a member no other test knows.</summary>
    public Task<TestMember> NewMemberAsync() => Network.JoinAsync();

    public async Task InitializeAsync()
    {
        _node = await CommunityNode.StartAsync(settings: Steps.UnlimitedSends);
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
