using System.Text.Json;
using Community.Tests.Support;
using Microsoft.AspNetCore.SignalR;

namespace Community.Tests.Cluster;

public abstract class CrossNodeMessagingTests<TCluster>(TCluster cluster) : IClassFixture<TCluster> where TCluster : ClusterUnderTest
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_message_sent_through_node1_reaches_a_member_on_node2_and_back()
    {
        var hanako = await cluster.Network.JoinAsync();
        var taro = await cluster.Network.JoinAsync();
        var dm = await hanako.OpenDmAsync(taro.Id);
        await using var onNode1 = await cluster.Node1.ConnectAsync(hanako);
        await using var onNode2 = await cluster.Node2.ConnectAsync(taro);

        await onNode1.InvokeAsync("SendMessage", dm.Str("id"), new { clientMsgId = "h1", text = "元気？" });
        var there = await onNode2.WaitForEventAsync("message", timeout: Timeout);
        await onNode2.InvokeAsync("SendMessage", dm.Str("id"), new { clientMsgId = "t1", text = "元気です！" });
        var back = await onNode1.WaitForEventAsync("message", m => m.Str("senderId") == taro.Id, Timeout);

        Assert.Equal((1L, "元気？"), (there.Long("seq"), there.Str("text")));
        Assert.Equal((2L, "元気です！"), (back.Long("seq"), back.Str("text")));
    }

    [Fact]
    public async Task Joining_a_room_on_node1_makes_node2_deliver_its_events_to_the_joiners_connection()
    {
        var owner = await cluster.Network.JoinAsync();
        var joiner = await cluster.Network.JoinAsync();
        var room = (await owner.CreateRoomAsync("OB会 2026")).Str("id");
        await using var ownerHub = await cluster.Node1.ConnectAsync(owner);
        await using var joinerOnNode2 = await cluster.Node2.ConnectAsync(joiner);

        await joiner.JoinRoomAsync(room);
        await joinerOnNode2.WaitForEventAsync("membership", m => m.Str("roomId") == room, Timeout);
        await ownerHub.InvokeAsync("SendMessage", room, new { clientMsgId = "o1", text = "ようこそ" });
        var welcome = await joinerOnNode2.WaitForEventAsync("message", m => m.Str("roomId") == room, Timeout);

        Assert.Equal("ようこそ", welcome.Str("text"));
    }

    [Fact]
    public async Task Two_hundred_messages_sent_through_both_nodes_get_dense_seqs_and_reach_each_node_once_in_order()
    {
        const int SendersPerNode = 5, MessagesEach = 20, Total = 2 * SendersPerNode * MessagesEach;
        var owner = await cluster.Network.JoinAsync();
        var room = (await owner.CreateRoomAsync("Busy room")).Str("id");
        var senders = new List<(TestMember Member, CommunityNode Node)>();
        for (var i = 0; i < 2 * SendersPerNode; i++)
        {
            var member = await cluster.Network.JoinAsync();
            await member.JoinRoomAsync(room);
            senders.Add((member, i % 2 == 0 ? cluster.Node1 : cluster.Node2));
        }
        var reader1 = await cluster.Network.JoinAsync();
        var reader2 = await cluster.Network.JoinAsync();
        foreach (var reader in new[] { reader1, reader2 })
            await reader.JoinRoomAsync(room);
        await using var onNode1 = await cluster.Node1.ConnectAsync(reader1);
        await using var onNode2 = await cluster.Node2.ConnectAsync(reader2);
        var hubs = await Task.WhenAll(senders.Select(s => s.Node.ConnectAsync(s.Member)));
        try
        {
            List<long>[] sent;
            try
            {
                sent = await Task.WhenAll(hubs.Select((hub, i) => Task.Run(async () =>
                {
                    var seqs = new List<long>();
                    for (var n = 0; n < MessagesEach; n++)
                        seqs.Add((await hub.InvokeAsync("SendMessage", room, new { clientMsgId = $"s{i}-{n}", text = $"{i}:{n}" })).Long("seq"));
                    return seqs;
                })));
            }
            catch (HubException refused)
            {
                throw new Xunit.Sdk.XunitException($"{refused.Message}\nThe nodes logged:\n{cluster.ServerErrors()}");
            }

            Assert.Equal(Enumerable.Range(1, Total).Select(i => (long)i), sent.SelectMany(s => s).Order());
            foreach (var reader in new[] { onNode1, onNode2 })
            {
                var received = new List<long>();
                for (var i = 0; i < Total; i++)
                    received.Add((await reader.WaitForEventAsync("message", m => m.Str("roomId") == room, Timeout)).Long("seq"));
                Assert.Equal(Enumerable.Range(1, Total).Select(i => (long)i), received);
            }
            // A fence: one more message, and nothing was delivered twice before it.
            await hubs[0].InvokeAsync("SendMessage", room, new { clientMsgId = "fence", text = "done" });
            foreach (var reader in new[] { onNode1, onNode2 })
                Assert.Equal(Total + 1, (await reader.WaitForEventAsync("message", m => m.Str("roomId") == room, Timeout)).Long("seq"));
        }
        finally
        {
            foreach (var hub in hubs) await hub.DisposeAsync();
        }
    }

    [Fact]
    public async Task An_event_larger_than_a_notification_still_arrives_on_the_other_node()
    {
        var hanako = await cluster.Network.JoinAsync();
        var taro = await cluster.Network.JoinAsync();
        var dm = await hanako.OpenDmAsync(taro.Id);
        await using var onNode1 = await cluster.Node1.ConnectAsync(hanako);
        await using var onNode2 = await cluster.Node2.ConnectAsync(taro);
        var longText = string.Concat(Enumerable.Repeat("長文のお知らせ", 600))[..4000];

        await onNode1.InvokeAsync("SendMessage", dm.Str("id"), new { clientMsgId = "long", text = longText });
        var received = await onNode2.WaitForEventAsync("message", timeout: Timeout);

        Assert.Equal(longText, received.Str("text"));
    }

    [Fact]
    public async Task A_member_removed_on_node1_cannot_send_through_node2()
    {
        var owner = await cluster.Network.JoinAsync();
        var guest = await cluster.Network.JoinAsync();
        var room = await owner.PrivateRoomWithAsync(guest);
        await using var guestOnNode2 = await cluster.Node2.ConnectAsync(guest);
        await guestOnNode2.InvokeAsync("SendMessage", room, new { clientMsgId = "g1", text = "hello" });
        await using var ownerOnNode1 = await cluster.Node1.ConnectAsync(owner);

        (await owner.Http.DeleteAsync($"/api/rooms/{room}/members/{guest.Id}")).EnsureSuccessStatusCode();
        await guestOnNode2.WaitForEventAsync("membership", m => m.Str("memberId") == guest.Id && !m.GetProperty("joined").GetBoolean(), Timeout);
        var refused = await Assert.ThrowsAsync<HubException>(() =>
            guestOnNode2.InvokeAsync("SendMessage", room, new { clientMsgId = "g2", text = "still here?" }));

        Assert.StartsWith("forbidden:", refused.Message);
    }

    [Fact]
    public async Task Logout_on_node1_closes_the_members_connection_on_node2()
    {
        var member = await cluster.Network.JoinAsync();
        await using var onNode2 = await cluster.Node2.ConnectAsync(member);

        (await member.Http.PostAsync("/api/auth/logout", null)).EnsureSuccessStatusCode();

        await onNode2.WaitForCloseAsync(Timeout);
        Assert.True(await HubTestClient.IsRefusedAsync(cluster.Node2.BaseAddress, member.Token));
    }

    [Fact]
    public async Task Signing_out_a_session_on_node1_closes_its_connection_on_node2_and_leaves_the_others()
    {
        var laptop = await cluster.Network.JoinAsync();
        var phone = await cluster.Network.LoginAsync(laptop.Handle, "a-long-password");
        await using var laptopOnNode2 = await cluster.Node2.ConnectAsync(laptop);
        await using var phoneOnNode2 = await cluster.Node2.ConnectAsync(phone);
        var sessions = (await (await laptop.Http.GetAsync("/api/me/sessions")).ReadJsonAsync()).Items();
        var laptopSession = sessions.Single(s => s.GetProperty("current").GetBoolean()).Str("id");

        (await phone.Http.DeleteAsync($"/api/me/sessions/{laptopSession}")).EnsureSuccessStatusCode();

        await laptopOnNode2.WaitForCloseAsync(Timeout);
        Assert.True(await HubTestClient.IsRefusedAsync(cluster.Node2.BaseAddress, laptop.Token));
        Assert.False(phoneOnNode2.IsClosed, $"the phone's connection closed: {phoneOnNode2.CloseReason}");
    }

    [Fact]
    public async Task A_rename_on_node1_is_seen_by_node2()
    {
        var owner = await cluster.Network.JoinAsync();
        var room = (await owner.CreateRoomAsync("Before")).Str("id");
        var onNode2 = ClusterUnderTest.On(cluster.Node2, owner);
        Assert.Equal("Before", (await (await onNode2.Http.GetAsync($"/api/rooms/{room}")).ReadJsonAsync()).Str("name"));

        (await owner.Http.PatchJsonAsync($"/api/rooms/{room}", new { name = "After" })).EnsureSuccessStatusCode();

        await Eventually(async () => (await (await onNode2.Http.GetAsync($"/api/rooms/{room}")).ReadJsonAsync()).Str("name") == "After");
    }

    /// <summary>Polls a condition another node makes true asynchronously (its backplane delivery), up to the timeout.</summary>
    private static async Task Eventually(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The other node never caught up.");
            await Task.Delay(50);
        }
    }
}

public sealed class CoHostedCrossNodeMessagingTests(TwoNodeCluster cluster) : CrossNodeMessagingTests<TwoNodeCluster>(cluster);

public sealed class SplitCrossNodeMessagingTests(SplitCluster cluster) : CrossNodeMessagingTests<SplitCluster>(cluster);
