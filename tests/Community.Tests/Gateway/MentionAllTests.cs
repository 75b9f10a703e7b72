using System.Net;
using Community.Tests.Support;

namespace Community.Tests.Gateway;

/// <summary>
/// <c>@all</c> and <c>@here</c>: who may use them (anyone in a room of 20 or fewer; past that the
/// owner, moderators and the secretariat; in the broadcast channel the secretariat alone), and
/// whom their <c>mention</c> event reaches.
/// </summary>
[Collection(CrowdNode.Name)]
public sealed class MentionAllTests(CrowdNodeFixture fixture)
{
    private TestMember Owner => fixture.Owner;

    private TestMember Secretariat => fixture.Secretariat;

    private IReadOnlyList<TestMember> Crowd => fixture.Crowd;

    [Fact]
    public async Task At_all_from_a_plain_member_of_a_room_of_21_is_forbidden_and_nothing_is_stored()
    {
        var room = await fixture.RoomOfAsync(20);
        await using var memberHub = await fixture.Node.ConnectAsync(Crowd[0]);
        await using var ownerHub = await fixture.Node.ConnectAsync(Owner);

        var all = await Steps.AssertHubErrorAsync("forbidden", () => memberHub.SendTextAsync(room, "@all 来週の飲み会の件です"));
        var here = await Steps.AssertHubErrorAsync("forbidden", () => memberHub.SendTextAsync(room, "@here いる人いますか"));
        var fence = await memberHub.SendTextAsync(room, "普通のメッセージです");

        Assert.Contains("only its owner, moderators and the secretariat may use @all", all, StringComparison.Ordinal);
        Assert.Contains("@here", here, StringComparison.Ordinal);
        Assert.Equal(1L, fence.Long("seq"));
        await ownerHub.WaitForMessageAsync(room, 1);
        var history = await Owner.HistoryAsync(room);
        Assert.Equal(new[] { 1L }, history.Seqs());
        Assert.Empty(Steps.EventsOf(ownerHub, "mention", room));
    }

    [Fact]
    public async Task Editing_at_all_into_a_message_of_a_room_of_21_is_forbidden_for_a_plain_member()
    {
        var room = await fixture.RoomOfAsync(20);
        await using var memberHub = await fixture.Node.ConnectAsync(Crowd[0]);
        var sent = await memberHub.SendTextAsync(room, "来週の件");

        await Steps.AssertHubErrorAsync("forbidden", () => memberHub.InvokeAsync("EditMessage", room, sent.Long("seq"), "@all 来週の件"));

        var stored = await Crowd[0].MessageAsync(room, sent.Long("seq"));
        Assert.Equal(("来週の件", 0), (stored.Str("text"), stored.GetProperty("mentions").GetArrayLength()));
    }

    [Fact]
    public async Task The_secretariat_uses_at_all_in_a_room_of_21_and_each_member_connected_hears_it_but_the_sender()
    {
        var room = await fixture.RoomOfAsync(20);
        await Secretariat.JoinRoomAsync(room);
        await using var secretariatHub = await fixture.Node.ConnectAsync(Secretariat);
        await using var ownerHub = await fixture.Node.ConnectAsync(Owner);
        await using var memberHub = await fixture.Node.ConnectAsync(Crowd[5]);

        var sent = await secretariatHub.SendTextAsync(room, "@all 年末の懇親会のお知らせです");

        Assert.Equal(["@all"], Steps.StringsOf(sent.GetProperty("mentions")));
        foreach (var hub in new[] { ownerHub, memberHub })
        {
            var mention = await hub.WaitForEventAsync("mention", m => m.Str("roomId") == room);
            Assert.Equal((sent.Long("seq"), Secretariat.Id, "all"), (mention.Long("seq"), mention.Str("by"), mention.Str("scope")));
        }
        await secretariatHub.PassFenceAsync(room);
        Assert.Empty(Steps.EventsOf(secretariatHub, "mention", room));
        var stored = await Crowd[9].MessageAsync(room, sent.Long("seq"));
        Assert.Equal(["@all"], Steps.StringsOf(stored.GetProperty("mentions")));
    }

    [Fact]
    public async Task The_owner_of_a_room_of_21_may_use_at_all_and_at_here()
    {
        var room = await fixture.RoomOfAsync(20);
        await using var ownerHub = await fixture.Node.ConnectAsync(Owner);
        await using var memberHub = await fixture.Node.ConnectAsync(Crowd[3]);

        var all = await ownerHub.SendTextAsync(room, "@all 集合は12時です");
        var here = await ownerHub.SendTextAsync(room, "@here もう着いた人？");

        Assert.Equal(["@all"], Steps.StringsOf(all.GetProperty("mentions")));
        Assert.Equal(["@here"], Steps.StringsOf(here.GetProperty("mentions")));
        await memberHub.WaitForEventAsync("mention", m => m.Str("roomId") == room && m.Long("seq") == all.Long("seq") && m.Str("scope") == "all");
        await memberHub.WaitForEventAsync("mention", m => m.Str("roomId") == room && m.Long("seq") == here.Long("seq") && m.Str("scope") == "here");
    }

    [Fact]
    public async Task Any_member_of_a_room_of_20_may_use_at_all()
    {
        var room = await fixture.RoomOfAsync(19);
        await using var memberHub = await fixture.Node.ConnectAsync(Crowd[0]);
        await using var ownerHub = await fixture.Node.ConnectAsync(Owner);

        var sent = await memberHub.SendTextAsync(room, "@all ランチ行く人！");

        Assert.Equal(20, (await Owner.GetAsync($"/api/rooms/{room}")).GetProperty("memberCount").GetInt32());
        var mention = await ownerHub.WaitForEventAsync("mention", m => m.Str("roomId") == room);
        Assert.Equal((sent.Long("seq"), Crowd[0].Id, "all"), (mention.Long("seq"), mention.Str("by"), mention.Str("scope")));
    }

    [Fact]
    public async Task At_here_reaches_the_members_online_and_not_those_who_come_online_later()
    {
        var room = await fixture.RoomOfAsync(3);
        await using var senderHub = await fixture.Node.ConnectAsync(Crowd[0]);
        await using var onlineHub = await fixture.Node.ConnectAsync(Crowd[1]);

        var sent = await senderHub.SendTextAsync(room, "@here 今からオンラインで話せる人？");
        await onlineHub.WaitForEventAsync("mention", m => m.Str("roomId") == room && m.Long("seq") == sent.Long("seq") && m.Str("scope") == "here");
        await using var laterHub = await fixture.Node.ConnectAsync(Crowd[2]);
        var fence = await senderHub.SendTextAsync(room, $"@{Crowd[2].Handle} あとで見てね");

        await laterHub.WaitForEventAsync("mention", m => m.Str("roomId") == room && m.Long("seq") == fence.Long("seq"));
        Assert.Empty(laterHub.MentionsOf(room, sent.Long("seq")));
        var stored = await Crowd[2].MessageAsync(room, sent.Long("seq"));
        Assert.Equal(["@here"], Steps.StringsOf(stored.GetProperty("mentions")));
    }

    [Fact]
    public async Task A_mention_event_skips_members_who_muted_the_room_and_a_personal_mention_still_reaches_them()
    {
        var room = await fixture.RoomOfAsync(3);
        await Crowd[1].MuteNotificationsAsync(room);
        await using var senderHub = await fixture.Node.ConnectAsync(Crowd[0]);
        await using var mutedHub = await fixture.Node.ConnectAsync(Crowd[1]);
        await using var ownerHub = await fixture.Node.ConnectAsync(Owner);

        var all = await senderHub.SendTextAsync(room, "@all 資料を共有しました");
        var personal = await senderHub.SendTextAsync(room, $"@{Crowd[1].Handle} 確認お願いします");

        await ownerHub.WaitForEventAsync("mention", m => m.Str("roomId") == room && m.Long("seq") == all.Long("seq"));
        var heard = await mutedHub.WaitForEventAsync("mention", m => m.Str("roomId") == room && m.Long("seq") == personal.Long("seq"));
        Assert.Equal("member", heard.Str("scope"));
        Assert.Empty(mutedHub.MentionsOf(room, all.Long("seq")));
    }

    [Fact]
    public async Task A_member_named_by_handle_and_at_all_hears_one_mention()
    {
        var room = await fixture.RoomOfAsync(2);
        await using var senderHub = await fixture.Node.ConnectAsync(Crowd[0]);
        await using var namedHub = await fixture.Node.ConnectAsync(Crowd[1]);

        var sent = await senderHub.SendTextAsync(room, $"@all @{Crowd[1].Handle} 特にお願いします");
        await senderHub.PassFenceAsync(room);
        await namedHub.WaitForEventAsync("mention", m => m.Str("roomId") == room && m.Long("seq") == sent.Long("seq"));
        await namedHub.WaitForMessageAsync(room, sent.Long("seq") + 1);

        Assert.Equal(["@all", Crowd[1].Id], Steps.StringsOf(sent.GetProperty("mentions")));
        Assert.Equal(["member"], namedHub.MentionsOf(room, sent.Long("seq")).Select(m => m.Str("scope")));
    }

    [Fact]
    public async Task At_all_in_the_broadcast_channel_is_the_secretariats_alone_and_reaches_members()
    {
        await using var memberHub = await fixture.Node.ConnectAsync(Crowd[4]);
        await using var secretariatHub = await fixture.Node.ConnectAsync(Secretariat);
        var post = await secretariatHub.SendTextAsync(Steps.Broadcast, "@all 年次総会のお知らせ");

        var refused = await Steps.AssertHubErrorAsync("forbidden", () => memberHub.ReplyAsync(Steps.Broadcast, post.Long("seq"), "@all 皆さん参加しましょう"));

        Assert.Contains("only the secretariat may use @all in the broadcast channel", refused, StringComparison.Ordinal);
        var mention = await memberHub.WaitForEventAsync("mention", m => m.Str("roomId") == Steps.Broadcast && m.Long("seq") == post.Long("seq"));
        Assert.Equal((Secretariat.Id, "all"), (mention.Str("by"), mention.Str("scope")));
        Assert.DoesNotContain(await Crowd[4].HistoryAsync(Steps.Broadcast, $"?after={post.Long("seq")}"), m => m.Str("senderId") == Crowd[4].Id);
    }

    [Fact]
    public async Task At_all_and_at_here_do_not_count_toward_the_20_personal_mentions()
    {
        var room = await fixture.RoomOfAsync(2);
        await using var senderHub = await fixture.Node.ConnectAsync(Crowd[0]);
        var twenty = string.Join(' ', Enumerable.Range(1, 19).Select(i => $"@nobody{i}").Append($"@{Crowd[1].Handle}"));

        var sent = await senderHub.SendTextAsync(room, $"@all @here {twenty}");

        Assert.Equal(["@all", "@here", Crowd[1].Id], Steps.StringsOf(sent.GetProperty("mentions")));
    }

    [Fact]
    public async Task The_handles_all_and_here_are_not_given_to_members()
    {
        foreach (var handle in new[] { "all", "HERE" })
        {
            var code = (await fixture.Network.InviteAsync())[0];
            var response = await fixture.Network.PostRegisterAsync(code, handle);
            await response.AssertInvalidAsync("handle");
        }
        Assert.Equal(HttpStatusCode.Created, (await fixture.Network.PostRegisterAsync((await fixture.Network.InviteAsync())[0], "allison")).StatusCode);
    }
}
