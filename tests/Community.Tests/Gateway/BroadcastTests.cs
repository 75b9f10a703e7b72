using System.Net;
using Community.Tests.Support;

namespace Community.Tests.Gateway;

/// <summary>The broadcast channel: every member in it, only the secretariat posts, everyone replies and reacts.</summary>
[Collection(MembersNode.Name)]
public sealed class BroadcastTests(MembersNodeFixture fixture)
{
    private const string Broadcast = Steps.Broadcast;

    private TestMember Secretariat => fixture.Secretariat;

    [Fact]
    public async Task Every_newly_signed_up_member_belongs_to_the_broadcast_channel()
    {
        var newcomer = await fixture.Network.JoinAsync();

        var broadcast = Steps.Single(await Steps.MyRoomsAsync(newcomer), Broadcast);

        Assert.Equal("broadcast", broadcast.Str("kind"));
        Assert.Contains(newcomer.Id, (await Steps.MembersOfAsync(newcomer, Broadcast)).Select(m => m.GetProperty("member").Str("id")));
    }

    [Fact]
    public async Task The_other_members_see_a_newly_signed_up_member_in_the_channel_member_list_and_count()
    {
        // The channel has been in use before the newcomer signs up.
        await Steps.MembersOfAsync(fixture.Alice, Broadcast);
        await Steps.GetAsync(fixture.Alice, $"/api/rooms/{Broadcast}");
        var newcomer = await fixture.Network.JoinAsync();

        var members = await Steps.MembersOfAsync(fixture.Alice, Broadcast);
        var channel = await Steps.GetAsync(fixture.Alice, $"/api/rooms/{Broadcast}");

        Assert.Contains(newcomer.Id, members.Select(m => m.GetProperty("member").Str("id")));
        Assert.Equal(members.Length, channel.Long("memberCount"));
    }

    [Fact]
    public async Task A_secretariat_post_mentioning_a_newly_signed_up_member_tells_them()
    {
        await using var secretariatHub = await fixture.Node.ConnectAsync(Secretariat);
        // The channel has been in use before the newcomer signs up.
        await secretariatHub.SendTextAsync(Broadcast, "新しい会員を歓迎します");
        var newcomer = await fixture.Network.JoinAsync();
        await using var newcomerHub = await fixture.Node.ConnectAsync(newcomer);

        var post = await secretariatHub.SendTextAsync(Broadcast, $"@{newcomer.Handle} さん、ようこそ！");

        Assert.Equal([newcomer.Id], Steps.StringsOf(post.GetProperty("mentions")));
        var mention = await newcomerHub.WaitForEventAsync("mention", m => m.Str("roomId") == Broadcast);
        Assert.Equal((post.Long("seq"), Secretariat.Id), (mention.Long("seq"), mention.Str("by")));
    }

    [Fact]
    public async Task A_newly_signed_up_member_receives_a_secretariat_post_live()
    {
        var newcomer = await fixture.Network.JoinAsync();
        await using var newcomerHub = await fixture.Node.ConnectAsync(newcomer);
        await using var secretariatHub = await fixture.Node.ConnectAsync(Secretariat);

        var post = await secretariatHub.SendTextAsync(Broadcast, "年次総会のお知らせ");

        var received = await newcomerHub.WaitForEventAsync("message", m => m.Str("roomId") == Broadcast && m.Long("seq") == post.Long("seq"));
        Assert.Equal(("年次総会のお知らせ", Secretariat.Id), (received.Str("text"), received.Str("senderId")));
    }

    [Fact]
    public async Task A_member_who_is_not_secretariat_cannot_post_top_level()
    {
        await using var aliceHub = await fixture.Node.ConnectAsync(fixture.Alice);

        await Steps.AssertHubErrorAsync("forbidden", () => aliceHub.SendTextAsync(Broadcast, "みなさん聞いてください"));
    }

    [Fact]
    public async Task A_member_can_reply_to_a_broadcast_post()
    {
        await using var secretariatHub = await fixture.Node.ConnectAsync(Secretariat);
        await using var aliceHub = await fixture.Node.ConnectAsync(fixture.Alice);
        var post = await secretariatHub.SendTextAsync(Broadcast, "ご意見をお寄せください");

        var reply = await Steps.ReplyAsync(aliceHub, Broadcast, post.Long("seq"), "賛成です");

        Assert.Equal((post.Long("seq"), fixture.Alice.Id), (reply.Long("replyToSeq"), reply.Str("senderId")));
        var heard = await secretariatHub.WaitForEventAsync("message", m => m.Str("roomId") == Broadcast && m.Long("seq") == reply.Long("seq"));
        Assert.Equal("賛成です", heard.Str("text"));
    }

    [Fact]
    public async Task A_member_can_react_to_a_broadcast_post()
    {
        await using var secretariatHub = await fixture.Node.ConnectAsync(Secretariat);
        await using var bobHub = await fixture.Node.ConnectAsync(fixture.Bob);
        var seq = (await secretariatHub.SendTextAsync(Broadcast, "新年会を開催します")).Long("seq");

        await bobHub.InvokeVoidAsync("AddReaction", Broadcast, seq, "🎉");

        var reaction = await secretariatHub.WaitForEventAsync("reaction", r => r.Str("roomId") == Broadcast && r.Long("seq") == seq);
        Assert.Equal((fixture.Bob.Id, "🎉", true, 1), (reaction.Str("memberId"), reaction.Str("key"),
            reaction.GetProperty("added").GetBoolean(), reaction.GetProperty("count").GetInt32()));
    }

    [Fact]
    public async Task A_member_cannot_leave_the_broadcast_channel()
    {
        var response = await fixture.Carol.Http.PostAsync($"/api/rooms/{Broadcast}/leave", null);

        await response.AssertForbiddenAsync();
        Assert.Contains(Broadcast, Steps.Ids(await Steps.MyRoomsAsync(fixture.Carol)));
    }

    [Fact]
    public async Task Reach_counts_the_members_those_who_read_the_post_and_those_who_reacted()
    {
        await using var node = await CommunityNode.StartAsync();
        var network = new Network(node);
        var secretariat = await network.SecretariatAsync();
        var (alice, bob, carol) = (await network.JoinAsync("alice"), await network.JoinAsync("bob"), await network.JoinAsync("carol"));
        await using var secretariatHub = await node.ConnectAsync(secretariat);
        await using var aliceHub = await node.ConnectAsync(alice);
        await using var bobHub = await node.ConnectAsync(bob);
        await using var carolHub = await node.ConnectAsync(carol);
        var first = (await secretariatHub.SendTextAsync(Broadcast, "第一報")).Long("seq");
        var second = (await secretariatHub.SendTextAsync(Broadcast, "第二報")).Long("seq");

        // Read: the secretariat and Alice up to the second post, Bob up to the first; Carol reads nothing.
        await secretariatHub.InvokeVoidAsync("MarkRead", Broadcast, second);
        await aliceHub.InvokeVoidAsync("MarkRead", Broadcast, second);
        await bobHub.InvokeVoidAsync("MarkRead", Broadcast, first);
        // Reacted to the first post: Alice twice (one member), Carol once.
        await aliceHub.InvokeVoidAsync("AddReaction", Broadcast, first, "👍");
        await aliceHub.InvokeVoidAsync("AddReaction", Broadcast, first, "🙏");
        await carolHub.InvokeVoidAsync("AddReaction", Broadcast, first, "stamp:default.arigatou");

        var reachOfFirst = await Steps.GetAsync(secretariat, $"/api/admin/broadcasts/{first}/reach");
        var reachOfSecond = await Steps.GetAsync(secretariat, $"/api/admin/broadcasts/{second}/reach");

        Assert.Equal((4L, 3L, 2L), (reachOfFirst.Long("members"), reachOfFirst.Long("read"), reachOfFirst.Long("reacted")));
        Assert.Equal((4L, 2L, 0L), (reachOfSecond.Long("members"), reachOfSecond.Long("read"), reachOfSecond.Long("reacted")));
    }

    [Fact]
    public async Task Reach_of_an_unknown_post_is_not_found()
    {
        var response = await Secretariat.Http.GetAsync("/api/admin/broadcasts/999999/reach");

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Only_the_secretariat_sees_the_reach_of_a_post()
    {
        await using var secretariatHub = await fixture.Node.ConnectAsync(Secretariat);
        var seq = (await secretariatHub.SendTextAsync(Broadcast, "アンケートのお願い")).Long("seq");

        var response = await fixture.Alice.Http.GetAsync($"/api/admin/broadcasts/{seq}/reach");

        await response.AssertForbiddenAsync();
    }
}
