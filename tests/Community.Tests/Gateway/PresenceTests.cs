using Community.Tests.Support;

namespace Community.Tests.Gateway;

/// <summary>
/// Presence: a member's first connection announces them online, their last one closing
/// announces them offline, to the members who share a room with them (every member shares
/// the broadcast channel). Each test signs up its own pair, so no other test's connections
/// come or go under it.
/// </summary>
[Collection(SharedNode.Name)]
public sealed class PresenceTests(SharedNodeFixture fixture)
{
    private CommunityNode Node => fixture.Node;

    [Fact]
    public async Task A_member_coming_online_is_announced_to_those_who_share_a_room()
    {
        var (watcher, member) = (await fixture.Network.JoinAsync(), await fixture.Network.JoinAsync());
        await Steps.RoomWithAsync(watcher, member);
        await using var watcherHub = await Node.ConnectAsync(watcher);

        await using var memberHub = await Node.ConnectAsync(member);

        var presence = await watcherHub.WaitForEventAsync("presence", p => p.Str("memberId") == member.Id);
        Assert.True(presence.GetProperty("online").GetBoolean());
        Assert.True(await IsOnlineAsync(watcher, member));
    }

    [Fact]
    public async Task A_second_connection_of_an_online_member_announces_nothing()
    {
        var (watcher, member) = (await fixture.Network.JoinAsync(), await fixture.Network.JoinAsync());
        await using var watcherHub = await Node.ConnectAsync(watcher);
        await using var first = await Node.ConnectAsync(member);
        await watcherHub.WaitForEventAsync("presence", p => p.Str("memberId") == member.Id && p.GetProperty("online").GetBoolean());

        await using (await Node.ConnectAsync(member))
        {
        }
        // Fence: the last connection closing must be announced; nothing else about the member may come before it.
        await first.DisposeAsync();
        await watcherHub.WaitForEventAsync("presence", p => p.Str("memberId") == member.Id && !p.GetProperty("online").GetBoolean());

        var announced = Steps.EventsOf(watcherHub, "presence", p => p.Str("memberId") == member.Id);
        Assert.Equal([true, false], announced.Select(p => p.GetProperty("online").GetBoolean()).ToArray());
    }

    [Fact]
    public async Task A_member_whose_last_connection_closes_is_announced_offline()
    {
        var (watcher, member) = (await fixture.Network.JoinAsync(), await fixture.Network.JoinAsync());
        await using var watcherHub = await Node.ConnectAsync(watcher);
        await using var first = await Node.ConnectAsync(member);
        await using var second = await Node.ConnectAsync(member);
        await watcherHub.WaitForEventAsync("presence", p => p.Str("memberId") == member.Id && p.GetProperty("online").GetBoolean());

        await second.DisposeAsync();
        Assert.True(await IsOnlineAsync(watcher, member));
        await first.DisposeAsync();

        var presence = await watcherHub.WaitForEventAsync("presence", p => p.Str("memberId") == member.Id && !p.GetProperty("online").GetBoolean());
        Assert.False(presence.GetProperty("online").GetBoolean());
        Assert.False(await IsOnlineAsync(watcher, member));
    }

    private static async Task<bool> IsOnlineAsync(TestMember viewer, TestMember member) =>
        (await Steps.GetAsync(viewer, $"/api/members/{member.Id}")).GetProperty("online").GetBoolean();
}
