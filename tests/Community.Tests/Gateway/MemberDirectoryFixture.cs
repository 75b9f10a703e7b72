using Community.Tests.Support;

namespace Community.Tests.Gateway;

/// <summary>A shared node with a few members whose profiles the directory tests search for.</summary>
public sealed class MemberDirectoryFixture : IAsyncLifetime
{
    public SharedNodeFixture Shared { get; } = new();

    public CommunityNode Node => Shared.Node;

    public Network Network => Shared.Network;

    /// <summary>Each profile field holds a word no other member has, to search it by.</summary>
    public TestMember Kaede { get; private set; } = null!;

    public TestMember Yamada { get; private set; } = null!;

    public TestMember Yamamoto { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Shared.InitializeAsync();
        Kaede = await Network.JoinAsync("orchid.k", "Kaede Marlowe");
        await (await Kaede.Http.PatchJsonAsync("/api/me/profile", new
        {
            headline = "Zephyr platform architect",
            bio = "Climbs on weekends.",
            currentCompany = "Fabrikam Robotics",
            formerDepartments = new[] { "Quantum Logistics", "Sales Planning" },
            tags = new[] { "bouldering", "sake" },
        })).ReadJsonAsync();
        Yamada = await Network.JoinAsync("yamada.t", "山田 太郎");
        Yamamoto = await Network.JoinAsync("yamamoto.h", "山本 花子");
    }

    public Task DisposeAsync() => Shared.DisposeAsync();
}
