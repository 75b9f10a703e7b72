using Community.Tests.Support;

namespace Community.Tests.Gateway;

[Collection(MembersNode.Name)]
public sealed class ReadMarkerTests(MembersNodeFixture fixture)
{
    [Fact]
    public async Task MarkRead_reaches_the_readers_other_connections_but_not_the_other_members_of_a_talk_room()
    {
        var (alice, bob) = (fixture.Alice, fixture.Bob);
        var roomId = await Steps.RoomWithAsync(alice, bob);
        await using var aliceHub = await fixture.Node.ConnectAsync(alice);
        await using var bobReading = await fixture.Node.ConnectAsync(bob);
        await using var bobOther = await fixture.Node.ConnectAsync(bob);
        for (var i = 1; i <= 3; i++) await aliceHub.SendTextAsync(roomId, $"news {i}");

        await bobReading.InvokeVoidAsync("MarkRead", roomId, 2);

        foreach (var hub in new[] { bobOther, bobReading })
        {
            var read = await hub.WaitForEventAsync("read", e => e.Str("roomId") == roomId);
            Assert.Equal(bob.Id, read.Str("memberId"));
            Assert.Equal(2, read.Long("seq"));
        }

        // Read receipts are for DMs: in a talk room the others do not learn how far Bob has read.
        await aliceHub.PassFenceAsync(roomId);
        Assert.Empty(aliceHub.EventsOf("read", roomId));
    }

    [Fact]
    public async Task In_a_dm_the_other_member_receives_the_read_receipt()
    {
        var hanako = await fixture.NewMemberAsync();
        var taro = await fixture.NewMemberAsync();
        var dmId = (await hanako.OpenDmAsync(taro.Id)).Str("id");
        await using var hanakoHub = await fixture.Node.ConnectAsync(hanako);
        await using var taroReading = await fixture.Node.ConnectAsync(taro);
        await using var taroOther = await fixture.Node.ConnectAsync(taro);
        for (var i = 1; i <= 3; i++) await hanakoHub.SendTextAsync(dmId, $"メッセージ {i}");

        await taroReading.InvokeVoidAsync("MarkRead", dmId, 3);

        foreach (var (name, hub) in new[] { ("hanako's", hanakoHub), ("taro's other", taroOther), ("taro's reading", taroReading) })
        {
            var read = await hub.WaitForEventAsync("read", e => e.Str("roomId") == dmId && e.Str("memberId") == taro.Id);
            Assert.True(read.Long("seq") == 3, $"{name} connection got read seq {read.Long("seq")}");
        }
    }

    [Fact]
    public async Task The_room_list_shows_read_seq_and_unread_count_as_messages_arrive_and_are_read()
    {
        var (alice, bob) = (fixture.Alice, fixture.Bob);
        var roomId = await Steps.RoomWithAsync(alice, bob);
        await using var aliceHub = await fixture.Node.ConnectAsync(alice);
        await using var bobHub = await fixture.Node.ConnectAsync(bob);
        for (var i = 1; i <= 3; i++) await aliceHub.SendTextAsync(roomId, $"news {i}");

        var unread = await bob.ListedRoomAsync(roomId);
        Assert.Equal(3, unread.Long("lastSeq"));
        Assert.Equal(0, unread.Long("readSeq"));
        Assert.Equal(3, unread.Long("unreadCount"));
        // What a member sent themselves is read.
        var sendersView = await alice.ListedRoomAsync(roomId);
        Assert.Equal(3, sendersView.Long("readSeq"));
        Assert.Equal(0, sendersView.Long("unreadCount"));

        await bobHub.InvokeVoidAsync("MarkRead", roomId, 3);

        var read = await bob.ListedRoomAsync(roomId);
        Assert.Equal(3, read.Long("readSeq"));
        Assert.Equal(0, read.Long("unreadCount"));
        await aliceHub.SendTextAsync(roomId, "news 4");
        var oneMore = await bob.ListedRoomAsync(roomId);
        Assert.Equal(3, oneMore.Long("readSeq"));
        Assert.Equal(1, oneMore.Long("unreadCount"));
    }

    [Fact]
    public async Task MarkRead_beyond_the_last_seq_clamps_to_it()
    {
        var (alice, bob) = (fixture.Alice, fixture.Bob);
        var roomId = await Steps.RoomWithAsync(alice, bob);
        await using var aliceHub = await fixture.Node.ConnectAsync(alice);
        await using var bobHub = await fixture.Node.ConnectAsync(bob);
        for (var i = 1; i <= 3; i++) await aliceHub.SendTextAsync(roomId, $"news {i}");

        await bobHub.InvokeVoidAsync("MarkRead", roomId, 100);

        var read = await bobHub.WaitForEventAsync("read", e => e.Str("roomId") == roomId);
        Assert.Equal(3, read.Long("seq"));
        var listed = await bob.ListedRoomAsync(roomId);
        Assert.Equal(3, listed.Long("readSeq"));
        Assert.Equal(0, listed.Long("unreadCount"));
        // Had the marker been stored at 100, the next message would not count as unread.
        await aliceHub.SendTextAsync(roomId, "news 4");
        var afterNext = await bob.ListedRoomAsync(roomId);
        Assert.Equal(3, afterNext.Long("readSeq"));
        Assert.Equal(1, afterNext.Long("unreadCount"));
    }
}
