using System.Text.Json;
using Community.Tests.Support;

namespace Community.Tests.Gateway;

[Collection(MembersNode.Name)]
public sealed class MessageEditTests(MembersNodeFixture fixture)
{
    [Fact]
    public async Task Only_the_sender_can_edit_a_message()
    {
        var (alice, bob, carol) = (fixture.Alice, fixture.Bob, fixture.Carol);
        var roomId = await Steps.RoomWithAsync(alice, bob, carol);
        await using var aliceHub = await fixture.Node.ConnectAsync(alice);
        await using var bobHub = await fixture.Node.ConnectAsync(bob);
        await using var carolHub = await fixture.Node.ConnectAsync(carol);
        await bobHub.SendTextAsync(roomId, "Bob's words");

        // Neither the room's owner nor another member may put words in Bob's mouth.
        await Steps.AssertHubErrorAsync("forbidden", () => aliceHub.InvokeAsync("EditMessage", roomId, 1, "Alice's words"));
        await Steps.AssertHubErrorAsync("forbidden", () => carolHub.InvokeAsync("EditMessage", roomId, 1, "Carol's words"));

        var history = await bob.HistoryAsync(roomId);
        Assert.Equal("Bob's words", history.Single().Str("text"));
        Assert.Equal(JsonValueKind.Null, history.Single().GetProperty("editedAt").ValueKind);
        await bobHub.PassFenceAsync(roomId);
        Assert.Empty(bobHub.EventsOf("messageEdited", roomId));
    }

    [Fact]
    public async Task An_edit_reaches_the_room_as_messageEdited_and_history_shows_it()
    {
        var (alice, bob) = (fixture.Alice, fixture.Bob);
        var roomId = await Steps.RoomWithAsync(alice, bob);
        await using var aliceHub = await fixture.Node.ConnectAsync(alice);
        await using var bobHub = await fixture.Node.ConnectAsync(bob);
        var sent = await aliceHub.SendTextAsync(roomId, "Lunch at 12?");

        var edited = await aliceHub.InvokeAsync("EditMessage", roomId, 1, "Lunch at 12:30?");

        Assert.Equal(1, edited.Long("seq"));
        Assert.Equal("Lunch at 12:30?", edited.Str("text"));
        Assert.Equal(sent.Str("sentAt"), edited.Str("sentAt"));
        Assert.Equal(JsonValueKind.String, edited.GetProperty("editedAt").ValueKind);
        var editedAt = DateTimeOffset.Parse(edited.Str("editedAt"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(editedAt >= DateTimeOffset.Parse(sent.Str("sentAt"), System.Globalization.CultureInfo.InvariantCulture));

        var heard = await bobHub.WaitForEventAsync("messageEdited", e => e.Str("roomId") == roomId && e.Long("seq") == 1);
        Assert.Equal("Lunch at 12:30?", heard.Str("text"));
        Assert.Equal(alice.Id, heard.Str("senderId"));
        Assert.Equal(editedAt, DateTimeOffset.Parse(heard.Str("editedAt"), System.Globalization.CultureInfo.InvariantCulture));

        var stored = (await bob.HistoryAsync(roomId)).Single();
        Assert.Equal(1, stored.Long("seq"));
        Assert.Equal("Lunch at 12:30?", stored.Str("text"));
        Assert.Equal(editedAt, DateTimeOffset.Parse(stored.Str("editedAt"), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task The_sender_can_delete_a_message_and_history_keeps_its_seq_without_text()
    {
        var (alice, bob) = (fixture.Alice, fixture.Bob);
        var roomId = await Steps.RoomWithAsync(alice, bob);
        await using var aliceHub = await fixture.Node.ConnectAsync(alice);
        await using var bobHub = await fixture.Node.ConnectAsync(bob);
        await bobHub.SendTextAsync(roomId, "oops, wrong room");

        await bobHub.InvokeVoidAsync("DeleteMessage", roomId, 1);

        await AssertDeletedAsync(roomId, 1, aliceHub, bobHub);
        var next = await bobHub.SendTextAsync(roomId, "this one is right");
        Assert.Equal(2, next.Long("seq"));
    }

    [Fact]
    public async Task The_room_owner_can_delete_another_members_message()
    {
        var (alice, bob) = (fixture.Alice, fixture.Bob);
        var roomId = await Steps.RoomWithAsync(alice, bob);
        await using var aliceHub = await fixture.Node.ConnectAsync(alice);
        await using var bobHub = await fixture.Node.ConnectAsync(bob);
        await bobHub.SendTextAsync(roomId, "buy cheap watches");

        await aliceHub.InvokeVoidAsync("DeleteMessage", roomId, 1);

        await AssertDeletedAsync(roomId, 1, aliceHub, bobHub);
    }

    [Fact]
    public async Task The_secretariat_can_delete_a_message_in_a_room_it_does_not_belong_to()
    {
        var (alice, bob) = (fixture.Alice, fixture.Bob);
        var secretariat = await fixture.Network.SecretariatAsync();
        var roomId = await Steps.RoomWithAsync(alice, bob);
        await using var aliceHub = await fixture.Node.ConnectAsync(alice);
        await using var bobHub = await fixture.Node.ConnectAsync(bob);
        await using var secretariatHub = await fixture.Node.ConnectAsync(secretariat);
        await bobHub.SendTextAsync(roomId, "the customer list of 2019, attached");

        await secretariatHub.InvokeVoidAsync("DeleteMessage", roomId, 1);

        await AssertDeletedAsync(roomId, 1, aliceHub, bobHub);
    }

    [Fact]
    public async Task A_member_who_is_neither_the_sender_nor_a_moderator_cannot_delete_a_message()
    {
        var (alice, bob, carol) = (fixture.Alice, fixture.Bob, fixture.Carol);
        var roomId = await Steps.RoomWithAsync(alice, bob, carol);
        await using var bobHub = await fixture.Node.ConnectAsync(bob);
        await using var carolHub = await fixture.Node.ConnectAsync(carol);
        await bobHub.SendTextAsync(roomId, "Carol is wrong about the 2018 reorg");

        await Steps.AssertHubErrorAsync("forbidden", () => carolHub.InvokeAsync("DeleteMessage", roomId, 1));

        var stored = (await bob.HistoryAsync(roomId)).Single();
        Assert.False(stored.GetProperty("deleted").GetBoolean());
        Assert.Equal("Carol is wrong about the 2018 reorg", stored.Str("text"));
        await bobHub.PassFenceAsync(roomId);
        Assert.Empty(bobHub.EventsOf("messageDeleted", roomId));
    }

    /// <summary>Both connections hear <c>messageDeleted</c>; history keeps the seq, deleted and without text.</summary>
    private async Task AssertDeletedAsync(string roomId, long seq, params HubTestClient[] hubs)
    {
        foreach (var hub in hubs)
        {
            var heard = await hub.WaitForEventAsync("messageDeleted", e => e.Str("roomId") == roomId);
            Assert.Equal(seq, heard.Long("seq"));
        }

        var stored = (await fixture.Alice.HistoryAsync(roomId)).Single(m => m.Long("seq") == seq);
        Assert.True(stored.GetProperty("deleted").GetBoolean());
        Assert.True(stored.TryGetProperty("text", out var text), "a deleted message still has its text member, null");
        Assert.Equal(JsonValueKind.Null, text.ValueKind);
        Assert.Equal(JsonValueKind.Null, stored.GetProperty("stampId").ValueKind);
    }
}
