using System.Text.Json;
using Community.Tests.Support;

namespace Community.Tests.Gateway;

[Collection(MembersNode.Name)]
public sealed class MessagingTests(MembersNodeFixture fixture)
{
    private static readonly TimeSpan ClockTolerance = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task A_message_reaches_every_open_connection_of_the_room_members_and_the_invocation_returns_it()
    {
        var (alice, bob) = (fixture.Alice, fixture.Bob);
        var roomId = await Steps.RoomWithAsync(alice, bob);
        await using var aliceSending = await fixture.Node.ConnectAsync(alice);
        await using var aliceOther = await fixture.Node.ConnectAsync(alice, tokenInQueryString: true);
        await using var bobFirst = await fixture.Node.ConnectAsync(bob);
        await using var bobSecond = await fixture.Node.ConnectAsync(bob, tokenInQueryString: true);
        var before = DateTimeOffset.UtcNow;

        var sent = await aliceSending.InvokeAsync("SendMessage", roomId, new { clientMsgId = "hello-1", text = "お久しぶりです、皆さん" });

        var after = DateTimeOffset.UtcNow;
        Assert.Equal(roomId, sent.Str("roomId"));
        Assert.Equal(1, sent.Long("seq"));
        Assert.Equal(alice.Id, sent.Str("senderId"));
        Assert.Equal("hello-1", sent.Str("clientMsgId"));
        Assert.Equal("お久しぶりです、皆さん", sent.Str("text"));
        Assert.False(sent.GetProperty("deleted").GetBoolean());
        Assert.Equal(JsonValueKind.Null, sent.GetProperty("editedAt").ValueKind);
        var sentAt = DateTimeOffset.Parse(sent.Str("sentAt"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(TimeSpan.Zero, sentAt.Offset);
        Assert.InRange(sentAt, before - ClockTolerance, after + ClockTolerance);

        foreach (var (name, hub) in new[] { ("bob's first", bobFirst), ("bob's second", bobSecond), ("alice's other", aliceOther), ("alice's sending", aliceSending) })
        {
            var received = await hub.WaitForMessageAsync(roomId, 1);
            Assert.True(received.Str("roomId") == roomId, $"{name} connection: roomId");
            Assert.True(received.Str("senderId") == alice.Id, $"{name} connection: senderId");
            Assert.True(received.Str("text") == "お久しぶりです、皆さん", $"{name} connection: text");
            Assert.True(received.Str("clientMsgId") == "hello-1", $"{name} connection: clientMsgId");
            Assert.True(DateTimeOffset.Parse(received.Str("sentAt"), System.Globalization.CultureInfo.InvariantCulture) == sentAt,
                $"{name} connection: sentAt {received.Str("sentAt")} is not the returned {sent.Str("sentAt")}");
        }
    }

    [Fact]
    public async Task Send_is_idempotent_on_client_message_id()
    {
        var (alice, bob) = (fixture.Alice, fixture.Bob);
        var roomId = await Steps.RoomWithAsync(alice, bob);
        await using var aliceHub = await fixture.Node.ConnectAsync(alice);
        await using var bobHub = await fixture.Node.ConnectAsync(bob);

        var first = await aliceHub.InvokeAsync("SendMessage", roomId, new { clientMsgId = "retry-me", text = "once" });
        var retry = await aliceHub.InvokeAsync("SendMessage", roomId, new { clientMsgId = "retry-me", text = "once" });

        Assert.Equal(1, first.Long("seq"));
        Assert.Equal(1, retry.Long("seq"));
        Assert.Equal(first.Str("sentAt"), retry.Str("sentAt"));
        Assert.Equal(1, (await alice.ListedRoomAsync(roomId)).Long("lastSeq"));
        var history = await bob.HistoryAsync(roomId);
        Assert.Equal(new[] { 1L }, history.Seqs());
        Assert.Equal("retry-me", history[0].Str("clientMsgId"));
        // The next new message is seq 2, and Bob heard the first one exactly once before it.
        var next = await aliceHub.SendTextAsync(roomId, "twice?");
        Assert.Equal(2, next.Long("seq"));
        await bobHub.WaitForMessageAsync(roomId, 2);
        Assert.Equal(new[] { 1L, 2L }, bobHub.EventsOf("message", roomId).Seqs());
    }

    [Fact]
    public async Task A_member_who_joins_a_room_after_connecting_receives_its_events_on_the_open_connection()
    {
        var (alice, bob) = (fixture.Alice, fixture.Bob);
        var roomId = await Steps.RoomWithAsync(alice);
        await using var aliceHub = await fixture.Node.ConnectAsync(alice);
        await using var bobHub = await fixture.Node.ConnectAsync(bob);

        var joined = await bob.JoinRoomAsync(roomId);

        Assert.Equal("member", joined.Str("myRole"));
        var membership = await bobHub.WaitForEventAsync("membership", e => e.Str("roomId") == roomId && e.Str("memberId") == bob.Id);
        Assert.True(membership.GetProperty("joined").GetBoolean());
        var updated = await bobHub.WaitForEventAsync("roomUpdated", e => e.Str("id") == roomId);
        Assert.Equal("member", updated.Str("myRole"));
        Assert.Equal(2, updated.Long("memberCount"));
        var heardByAlice = await aliceHub.WaitForEventAsync("membership", e => e.Str("roomId") == roomId && e.Str("memberId") == bob.Id);
        Assert.True(heardByAlice.GetProperty("joined").GetBoolean());

        var sent = await aliceHub.SendTextAsync(roomId, "ようこそ");
        var received = await bobHub.WaitForMessageAsync(roomId, sent.Long("seq"));
        Assert.Equal("ようこそ", received.Str("text"));
        Assert.Equal(alice.Id, received.Str("senderId"));
    }

    [Fact]
    public async Task A_member_added_to_a_private_room_after_connecting_receives_its_events_on_the_open_connection()
    {
        var (alice, carol) = (fixture.Alice, fixture.Carol);
        var roomId = (await alice.CreateRoomAsync("Board alumni", "private")).Str("id");
        await using var aliceHub = await fixture.Node.ConnectAsync(alice);
        await using var carolHub = await fixture.Node.ConnectAsync(carol);

        await alice.AddMemberAsync(roomId, carol.Id);

        var membership = await carolHub.WaitForEventAsync("membership", e => e.Str("roomId") == roomId && e.Str("memberId") == carol.Id);
        Assert.True(membership.GetProperty("joined").GetBoolean());
        var updated = await carolHub.WaitForEventAsync("roomUpdated", e => e.Str("id") == roomId);
        Assert.Equal("private", updated.Str("visibility"));
        Assert.Equal("member", updated.Str("myRole"));
        var sent = await aliceHub.SendTextAsync(roomId, "welcome aboard");
        Assert.Equal("welcome aboard", (await carolHub.WaitForMessageAsync(roomId, sent.Long("seq"))).Str("text"));
    }

    [Fact]
    public async Task A_member_receives_the_messages_of_a_dm_opened_after_connecting_on_the_open_connection()
    {
        var hanako = await fixture.NewMemberAsync();
        var taro = await fixture.NewMemberAsync();
        await using var hanakoHub = await fixture.Node.ConnectAsync(hanako);
        await using var taroHub = await fixture.Node.ConnectAsync(taro);

        var dmId = (await hanako.OpenDmAsync(taro.Id)).Str("id");
        var sent = await hanakoHub.SendTextAsync(dmId, "ランチ行きませんか");

        var received = await taroHub.WaitForMessageAsync(dmId, sent.Long("seq"));
        Assert.Equal("ランチ行きませんか", received.Str("text"));
        Assert.Equal(hanako.Id, received.Str("senderId"));
        var reply = await taroHub.SendTextAsync(dmId, "いいですね");
        Assert.Equal("いいですね", (await hanakoHub.WaitForMessageAsync(dmId, reply.Long("seq"))).Str("text"));
    }

    [Fact]
    public async Task Leaving_a_room_stops_its_events()
    {
        var (alice, bob) = (fixture.Alice, fixture.Bob);
        var roomId = await Steps.RoomWithAsync(alice, bob);
        var bobsFenceRoom = await Steps.RoomWithAsync(bob);
        await using var aliceHub = await fixture.Node.ConnectAsync(alice);
        await using var bobHub = await fixture.Node.ConnectAsync(bob);
        await aliceHub.SendTextAsync(roomId, "still here?");
        await bobHub.WaitForMessageAsync(roomId, 1);

        var left = await bob.Http.PostAsync($"/api/rooms/{roomId}/leave", null);
        await left.ReadJsonAsync(System.Net.HttpStatusCode.NoContent);

        var membership = await bobHub.WaitForEventAsync("membership", e => e.Str("roomId") == roomId && e.Str("memberId") == bob.Id);
        Assert.False(membership.GetProperty("joined").GetBoolean());
        var heardByAlice = await aliceHub.WaitForEventAsync("membership", e => e.Str("roomId") == roomId && e.Str("memberId") == bob.Id);
        Assert.False(heardByAlice.GetProperty("joined").GetBoolean());
        var afterLeaving = await aliceHub.SendTextAsync(roomId, "Bob has gone");
        Assert.Equal(2, afterLeaving.Long("seq"));
        await aliceHub.WaitForMessageAsync(roomId, 2);
        await bobHub.PassFenceAsync(bobsFenceRoom);
        Assert.Equal(new[] { 1L }, bobHub.EventsOf("message", roomId).Seqs());
    }
}
