using System.Net;
using Community.Tests.Support;

namespace Community.Tests.Gateway;

/// <summary>The broadcast channel: every member in it, only the secretariat posts, everyone replies and reacts.</summary>
public sealed class BroadcastTests(RoomsNodeFixture fixture) : IClassFixture<RoomsNodeFixture>
{
    private const string Broadcast = FeatureSteps.Broadcast;

    private TestMember Secretariat => fixture.Secretariat;

    [Fact]
    public async Task Every_newly_signed_up_member_belongs_to_the_broadcast_channel()
    {
        var newcomer = await fixture.Network.JoinAsync();

        var broadcast = RoomSteps.Single(await RoomSteps.MyRoomsAsync(newcomer), Broadcast);

        Assert.Equal("broadcast", broadcast.Str("kind"));
        Assert.Contains(newcomer.Id, (await RoomSteps.MembersOfAsync(newcomer, Broadcast)).Select(m => m.GetProperty("member").Str("id")));
    }

    [Fact]
    public async Task The_other_members_see_a_newly_signed_up_member_in_the_channel_member_list_and_count()
    {
        // The channel has been in use before the newcomer signs up.
        await RoomSteps.MembersOfAsync(fixture.Alice, Broadcast);
        await RoomSteps.GetAsync(fixture.Alice, $"/api/rooms/{Broadcast}");
        var newcomer = await fixture.Network.JoinAsync();

        var members = await RoomSteps.MembersOfAsync(fixture.Alice, Broadcast);
        var channel = await RoomSteps.GetAsync(fixture.Alice, $"/api/rooms/{Broadcast}");

        Assert.Contains(newcomer.Id, members.Select(m => m.GetProperty("member").Str("id")));
        Assert.Equal(members.Length, channel.Long("memberCount"));
    }

    [Fact]
    public async Task A_secretariat_post_mentioning_a_newly_signed_up_member_tells_them()
    {
        await using var secretariatHub = await FeatureSteps.ConnectAsync(fixture.Node, Secretariat);
        // The channel has been in use before the newcomer signs up.
        await FeatureSteps.SendAsync(secretariatHub, Broadcast, "新しい会員を歓迎します");
        var newcomer = await fixture.Network.JoinAsync();
        await using var newcomerHub = await FeatureSteps.ConnectAsync(fixture.Node, newcomer);

        var post = await FeatureSteps.SendAsync(secretariatHub, Broadcast, $"@{newcomer.Handle} さん、ようこそ！");

        Assert.Equal([newcomer.Id], FeatureSteps.StringsOf(post.GetProperty("mentions")));
        var mention = await newcomerHub.WaitForEventAsync("mention", m => m.Str("roomId") == Broadcast);
        Assert.Equal((post.Long("seq"), Secretariat.Id), (mention.Long("seq"), mention.Str("by")));
    }

    [Fact]
    public async Task A_newly_signed_up_member_receives_a_secretariat_post_live()
    {
        var newcomer = await fixture.Network.JoinAsync();
        await using var newcomerHub = await FeatureSteps.ConnectAsync(fixture.Node, newcomer);
        await using var secretariatHub = await FeatureSteps.ConnectAsync(fixture.Node, Secretariat);

        var post = await FeatureSteps.SendAsync(secretariatHub, Broadcast, "年次総会のお知らせ");

        var received = await newcomerHub.WaitForEventAsync("message", m => m.Str("roomId") == Broadcast && m.Long("seq") == post.Long("seq"));
        Assert.Equal(("年次総会のお知らせ", Secretariat.Id), (received.Str("text"), received.Str("senderId")));
    }

    [Fact]
    public async Task A_member_who_is_not_secretariat_cannot_post_top_level()
    {
        await using var aliceHub = await FeatureSteps.ConnectAsync(fixture.Node, fixture.Alice);

        await FeatureSteps.AssertHubErrorAsync(() => FeatureSteps.SendAsync(aliceHub, Broadcast, "みなさん聞いてください"), "forbidden");
    }

    [Fact]
    public async Task A_member_can_reply_to_a_broadcast_post()
    {
        await using var secretariatHub = await FeatureSteps.ConnectAsync(fixture.Node, Secretariat);
        await using var aliceHub = await FeatureSteps.ConnectAsync(fixture.Node, fixture.Alice);
        var post = await FeatureSteps.SendAsync(secretariatHub, Broadcast, "ご意見をお寄せください");

        var reply = await FeatureSteps.ReplyAsync(aliceHub, Broadcast, post.Long("seq"), "賛成です");

        Assert.Equal((post.Long("seq"), fixture.Alice.Id), (reply.Long("replyToSeq"), reply.Str("senderId")));
        var heard = await secretariatHub.WaitForEventAsync("message", m => m.Str("roomId") == Broadcast && m.Long("seq") == reply.Long("seq"));
        Assert.Equal("賛成です", heard.Str("text"));
    }

    [Fact]
    public async Task A_member_can_react_to_a_broadcast_post()
    {
        await using var secretariatHub = await FeatureSteps.ConnectAsync(fixture.Node, Secretariat);
        await using var bobHub = await FeatureSteps.ConnectAsync(fixture.Node, fixture.Bob);
        var seq = (await FeatureSteps.SendAsync(secretariatHub, Broadcast, "新年会を開催します")).Long("seq");

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
        Assert.Contains(Broadcast, RoomSteps.Ids(await RoomSteps.MyRoomsAsync(fixture.Carol)));
    }

    [Fact]
    public async Task Reach_counts_the_members_those_who_read_the_post_and_those_who_reacted()
    {
        await using var node = await CommunityNode.StartAsync();
        var network = new Network(node);
        var secretariat = await network.SecretariatAsync();
        var (alice, bob, carol) = (await network.JoinAsync("alice"), await network.JoinAsync("bob"), await network.JoinAsync("carol"));
        await using var secretariatHub = await FeatureSteps.ConnectAsync(node, secretariat);
        await using var aliceHub = await FeatureSteps.ConnectAsync(node, alice);
        await using var bobHub = await FeatureSteps.ConnectAsync(node, bob);
        await using var carolHub = await FeatureSteps.ConnectAsync(node, carol);
        var first = (await FeatureSteps.SendAsync(secretariatHub, Broadcast, "第一報")).Long("seq");
        var second = (await FeatureSteps.SendAsync(secretariatHub, Broadcast, "第二報")).Long("seq");

        // Read: the secretariat and Alice up to the second post, Bob up to the first; Carol reads nothing.
        await secretariatHub.InvokeVoidAsync("MarkRead", Broadcast, second);
        await aliceHub.InvokeVoidAsync("MarkRead", Broadcast, second);
        await bobHub.InvokeVoidAsync("MarkRead", Broadcast, first);
        // Reacted to the first post: Alice twice (one member), Carol once.
        await aliceHub.InvokeVoidAsync("AddReaction", Broadcast, first, "👍");
        await aliceHub.InvokeVoidAsync("AddReaction", Broadcast, first, "🙏");
        await carolHub.InvokeVoidAsync("AddReaction", Broadcast, first, "stamp:default.arigatou");

        var reachOfFirst = await RoomSteps.GetAsync(secretariat, $"/api/admin/broadcasts/{first}/reach");
        var reachOfSecond = await RoomSteps.GetAsync(secretariat, $"/api/admin/broadcasts/{second}/reach");

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
        await using var secretariatHub = await FeatureSteps.ConnectAsync(fixture.Node, Secretariat);
        var seq = (await FeatureSteps.SendAsync(secretariatHub, Broadcast, "アンケートのお願い")).Long("seq");

        var response = await fixture.Alice.Http.GetAsync($"/api/admin/broadcasts/{seq}/reach");

        await response.AssertForbiddenAsync();
    }
}
