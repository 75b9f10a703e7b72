using System.Text.Json;
using Community.Tests.Support;

namespace Community.Tests.Gateway;

/// <summary>
/// Presence: a member's first connection announces them online, their last one closing
/// announces them offline, to the members who can see it: those who share a room with them
/// other than the broadcast channel (a DM included), and the connections that subscribed to them
/// (<c>SubscribePresence</c>). Each test signs up its own members, so no other test's connections
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
    public async Task A_member_coming_online_is_announced_to_the_other_member_of_a_DM()
    {
        var (watcher, member) = (await fixture.Network.JoinAsync(), await fixture.Network.JoinAsync());
        await watcher.OpenDmAsync(member.Id);
        await using var watcherHub = await Node.ConnectAsync(watcher);

        await using var memberHub = await Node.ConnectAsync(member);

        var presence = await watcherHub.WaitForEventAsync("presence", p => p.Str("memberId") == member.Id);
        Assert.True(presence.GetProperty("online").GetBoolean());
    }

    [Fact]
    public async Task Sharing_only_the_broadcast_channel_announces_nothing()
    {
        var (watcher, member, beacon) = (await fixture.Network.JoinAsync(), await fixture.Network.JoinAsync(), await fixture.Network.JoinAsync());
        await using var watcherHub = await Node.ConnectAsync(watcher);
        await watcherHub.SubscribePresenceAsync(beacon.Id);

        await using var memberHub = await Node.ConnectAsync(member);
        // Fence: the beacon comes online after the member, and the watcher is subscribed to it.
        await using var beaconHub = await Node.ConnectAsync(beacon);
        await watcherHub.WaitForEventAsync("presence", p => p.Str("memberId") == beacon.Id);

        Assert.Empty(Steps.EventsOf(watcherHub, "presence", p => p.Str("memberId") == member.Id));
        Assert.True(await IsOnlineAsync(watcher, member));
    }

    [Fact]
    public async Task A_second_connection_of_an_online_member_announces_nothing()
    {
        var (watcher, member) = (await fixture.Network.JoinAsync(), await fixture.Network.JoinAsync());
        await Steps.RoomWithAsync(watcher, member);
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
        await Steps.RoomWithAsync(watcher, member);
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

    // Subscriptions: the members a client shows

    [Fact]
    public async Task A_subscription_answers_the_members_presence_and_then_announces_their_changes()
    {
        var (watcher, online, offline) = (await fixture.Network.JoinAsync(), await fixture.Network.JoinAsync(), await fixture.Network.JoinAsync());
        await using var onlineHub = await Node.ConnectAsync(online);
        await using var watcherHub = await Node.ConnectAsync(watcher);

        var answer = await watcherHub.SubscribePresenceAsync(online.Id, offline.Id);

        Assert.Equal([(online.Id, true), (offline.Id, false)], PresenceOf(answer));
        await using (await Node.ConnectAsync(offline))
        {
            await watcherHub.WaitForEventAsync("presence", p => p.Str("memberId") == offline.Id && p.GetProperty("online").GetBoolean());
        }
        await watcherHub.WaitForEventAsync("presence", p => p.Str("memberId") == offline.Id && !p.GetProperty("online").GetBoolean());
    }

    [Fact]
    public async Task Each_subscription_replaces_the_one_before()
    {
        var (watcher, dropped, kept) = (await fixture.Network.JoinAsync(), await fixture.Network.JoinAsync(), await fixture.Network.JoinAsync());
        await using var watcherHub = await Node.ConnectAsync(watcher);
        await watcherHub.SubscribePresenceAsync(dropped.Id);

        var answer = await watcherHub.SubscribePresenceAsync(kept.Id);
        await using var droppedHub = await Node.ConnectAsync(dropped);
        // Fence: the kept member comes online after the dropped one.
        await using var keptHub = await Node.ConnectAsync(kept);
        await watcherHub.WaitForEventAsync("presence", p => p.Str("memberId") == kept.Id);

        Assert.Equal([(kept.Id, false)], PresenceOf(answer));
        Assert.Empty(Steps.EventsOf(watcherHub, "presence", p => p.Str("memberId") == dropped.Id));
    }

    [Fact]
    public async Task A_subscription_ends_with_its_connection()
    {
        var (watcher, member, beacon) = (await fixture.Network.JoinAsync(), await fixture.Network.JoinAsync(), await fixture.Network.JoinAsync());
        await using (var subscribed = await Node.ConnectAsync(watcher))
        {
            await subscribed.SubscribePresenceAsync(member.Id);
        }
        await using var watcherHub = await Node.ConnectAsync(watcher);
        await watcherHub.SubscribePresenceAsync(beacon.Id);

        await using var memberHub = await Node.ConnectAsync(member);
        await using var beaconHub = await Node.ConnectAsync(beacon);
        await watcherHub.WaitForEventAsync("presence", p => p.Str("memberId") == beacon.Id);

        Assert.Empty(Steps.EventsOf(watcherHub, "presence", p => p.Str("memberId") == member.Id));
    }

    [Fact]
    public async Task A_subscription_of_more_than_200_members_or_of_no_list_is_invalid()
    {
        var watcher = await fixture.Network.JoinAsync();
        await using var watcherHub = await Node.ConnectAsync(watcher);

        var tooMany = await Steps.AssertHubErrorAsync("invalid", () => watcherHub.SubscribePresenceAsync(
            Enumerable.Range(1, 201).Select(i => $"m_{i}").ToArray()));
        var none = await Steps.AssertHubErrorAsync("invalid", () => watcherHub.InvokeAsync("SubscribePresence", [null]));
        var blank = await Steps.AssertHubErrorAsync("invalid", () => watcherHub.SubscribePresenceAsync(" "));

        Assert.All([tooMany, none, blank], error => Assert.Contains("memberIds", error));
        Assert.Empty(PresenceOf(await watcherHub.SubscribePresenceAsync()));
    }

    private static (string, bool)[] PresenceOf(JsonElement answer) =>
        answer.EnumerateArray().Select(p => (p.Str("memberId"), p.GetProperty("online").GetBoolean())).ToArray();

    private static async Task<bool> IsOnlineAsync(TestMember viewer, TestMember member) =>
        (await Steps.GetAsync(viewer, $"/api/members/{member.Id}")).GetProperty("online").GetBoolean();
}
