using Community.Tests.Support;

namespace Community.Tests.Gateway;

/// <summary>
/// One node shared by the tests of a class, with three members who are already signed up.
/// Tests make their own rooms, so they never see each other's messages; a test that needs
/// a DM makes its own pair with <see cref="NewMemberAsync"/>, since a pair has one DM for life.
/// </summary>
public sealed class MessagingFixture : IAsyncLifetime
{
    public CommunityNode Node { get; private set; } = null!;

    public Network Network { get; private set; } = null!;

    public TestMember Alice { get; private set; } = null!;

    public TestMember Bob { get; private set; } = null!;

    public TestMember Carol { get; private set; } = null!;

    public Task<TestMember> NewMemberAsync() => Network.JoinAsync();

    public async Task InitializeAsync()
    {
        Node = await CommunityNode.StartAsync(settings: Steps.UnlimitedSends);
        Network = new Network(Node);
        Alice = await Network.JoinAsync("alice");
        Bob = await Network.JoinAsync("bob");
        Carol = await Network.JoinAsync("carol");
    }

    public async Task DisposeAsync()
    {
        if (Node is not null) await Node.DisposeAsync();
    }
}
