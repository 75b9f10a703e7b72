using Community.Tests.Support;

namespace Community.Tests.Gateway;

[Collection(MembersNode.Name)]
public sealed class HubErrorTests(MembersNodeFixture fixture)
{
    [Theory]
    [InlineData("")]
    [InlineData(null)]
    public async Task A_message_without_text_is_invalid(string? text)
    {
        var (roomId, hub) = await RoomAndHubAsync();
        await using var _ = hub;

        var error = await Steps.AssertHubErrorAsync("invalid", () => hub.InvokeAsync("SendMessage", roomId, new { clientMsgId = "c1", text }));

        Assert.StartsWith("invalid: text", error, StringComparison.Ordinal);
        Assert.Empty(await fixture.Alice.HistoryAsync(roomId));
    }

    [Fact]
    public async Task Text_over_4000_characters_is_invalid()
    {
        var (roomId, hub) = await RoomAndHubAsync();
        await using var _ = hub;

        var error = await Steps.AssertHubErrorAsync("invalid", () => hub.SendTextAsync(roomId, new string('a', 4001)));

        Assert.Contains("text", error, StringComparison.Ordinal);
        Assert.Empty(await fixture.Alice.HistoryAsync(roomId));
    }

    [Fact]
    public async Task Text_of_4000_graphemes_of_up_to_4_bytes_each_is_accepted()
    {
        var (roomId, hub) = await RoomAndHubAsync();
        await using var _ = hub;
        var japanese = new string('あ', 4000);
        var emoji = string.Concat(Enumerable.Repeat("👍", 4000));

        Assert.Equal(1, (await hub.SendTextAsync(roomId, new string('a', 4000))).Long("seq"));
        Assert.Equal(2, (await hub.SendTextAsync(roomId, japanese)).Long("seq"));
        Assert.Equal(3, (await hub.SendTextAsync(roomId, emoji)).Long("seq"));

        var stored = await fixture.Alice.HistoryAsync(roomId);
        Assert.Equal(japanese, stored[1].Str("text"));
        Assert.Equal(emoji, stored[2].Str("text"));
    }

    [Fact]
    public async Task A_message_without_a_client_message_id_is_invalid()
    {
        var (roomId, hub) = await RoomAndHubAsync();
        await using var _ = hub;

        var error = await Steps.AssertHubErrorAsync("invalid", () => hub.InvokeAsync("SendMessage", roomId, new { text = "no id" }));

        Assert.Contains("clientMsgId", error, StringComparison.Ordinal);
        await Steps.AssertHubErrorAsync("invalid", () => hub.SendTextAsync(roomId, "empty id", clientMsgId: ""));
        Assert.Empty(await fixture.Alice.HistoryAsync(roomId));
    }

    [Fact]
    public async Task A_client_message_id_over_64_characters_is_invalid()
    {
        var (roomId, hub) = await RoomAndHubAsync();
        await using var _ = hub;

        var error = await Steps.AssertHubErrorAsync("invalid", () => hub.SendTextAsync(roomId, "long id", clientMsgId: new string('x', 65)));

        Assert.Contains("clientMsgId", error, StringComparison.Ordinal);
        Assert.Equal(1, (await hub.SendTextAsync(roomId, "64 is fine", clientMsgId: new string('x', 64))).Long("seq"));
    }

    [Fact]
    public async Task A_reply_to_a_message_that_does_not_exist_is_invalid()
    {
        var (roomId, hub) = await RoomAndHubAsync();
        await using var _ = hub;
        await hub.SendTextAsync(roomId, "question");

        var error = await Steps.AssertHubErrorAsync("invalid",
            () => hub.InvokeAsync("SendMessage", roomId, new { clientMsgId = "r1", text = "answer", replyToSeq = 2 }));

        Assert.Contains("replyToSeq", error, StringComparison.Ordinal);
        var reply = await hub.InvokeAsync("SendMessage", roomId, new { clientMsgId = "r2", text = "answer", replyToSeq = 1 });
        Assert.Equal(2, reply.Long("seq"));
        Assert.Equal(1, reply.Long("replyToSeq"));
    }

    [Fact]
    public async Task A_send_without_a_message_is_invalid()
    {
        var (roomId, hub) = await RoomAndHubAsync();
        await using var _ = hub;

        await Steps.AssertHubErrorAsync("invalid", () => hub.InvokeAsync("SendMessage", roomId, null));

        Assert.Equal(1, (await hub.SendTextAsync(roomId, "the connection still works")).Long("seq"));
    }

    [Fact]
    public async Task A_call_with_an_argument_of_the_wrong_type_is_invalid()
    {
        var (roomId, hub) = await RoomAndHubAsync();
        await using var _ = hub;
        await hub.SendTextAsync(roomId, "edit me");

        await Steps.AssertHubErrorAsync("invalid", () => hub.InvokeAsync("EditMessage", roomId, "first", "edited"));

        Assert.Equal("edit me", (await fixture.Alice.HistoryAsync(roomId)).Single().Str("text"));
    }

    [Fact]
    public async Task Sending_to_an_unknown_room_is_not_found()
    {
        await using var hub = await fixture.Node.ConnectAsync(fixture.Alice);

        await Steps.AssertHubErrorAsync("not_found", () => hub.SendTextAsync("r_nosuchroom", "hello?"));
    }

    [Fact]
    public async Task Editing_an_unknown_seq_is_not_found()
    {
        var (roomId, hub) = await RoomAndHubAsync();
        await using var _ = hub;
        await hub.SendTextAsync(roomId, "the only message");

        await Steps.AssertHubErrorAsync("not_found", () => hub.InvokeAsync("EditMessage", roomId, 2, "no such message"));
        await Steps.AssertHubErrorAsync("not_found", () => hub.InvokeAsync("EditMessage", roomId, 0, "no such message"));

        Assert.Equal("the only message", (await fixture.Alice.HistoryAsync(roomId)).Single().Str("text"));
    }

    [Fact]
    public async Task A_rejected_send_changes_nothing()
    {
        var (roomId, hub) = await RoomAndHubAsync();
        await using var _ = hub;
        await using var bobHub = await fixture.Node.ConnectAsync(fixture.Bob);
        await fixture.Bob.JoinRoomAsync(roomId);
        await bobHub.WaitForEventAsync("membership", e => e.Str("roomId") == roomId && e.Str("memberId") == fixture.Bob.Id);

        await Steps.AssertHubErrorAsync("invalid", () => hub.SendTextAsync(roomId, "", clientMsgId: "same-id"));
        await Steps.AssertHubErrorAsync("invalid",
            () => hub.InvokeAsync("SendMessage", roomId, new { clientMsgId = "same-id", text = "reply", replyToSeq = 1 }));

        // The id of a refused send is free: reusing it sends a new message, seq 1.
        var sent = await hub.SendTextAsync(roomId, "first for real", clientMsgId: "same-id");
        Assert.Equal(1, sent.Long("seq"));
        Assert.Equal("first for real", sent.Str("text"));
        Assert.Equal(1, (await fixture.Alice.ListedRoomAsync(roomId)).Long("lastSeq"));
        Assert.Equal(new[] { 1L }, (await fixture.Bob.HistoryAsync(roomId)).Seqs());
        await bobHub.WaitForMessageAsync(roomId, 1);
        Assert.Equal(new[] { 1L }, bobHub.EventsOf("message", roomId).Seqs());
    }

    [Fact]
    public async Task A_hub_message_over_64_KB_closes_the_connection_saying_too_large_and_stores_nothing()
    {
        var (roomId, hub) = await RoomAndHubAsync();
        await using var _ = hub;
        // Valid text padded with a member the server ignores, so only the size can refuse it.
        var padding = new string('p', 70 * 1024);

        var sending = hub.InvokeAsync("SendMessage", roomId, new { clientMsgId = "big", text = "hello", padding });

        // The server closes the connection rather than answer the call, and says why.
        var closed = await Assert.ThrowsAsync<HubConnectionClosedException>(() => sending);
        await hub.WaitForCloseAsync();
        Assert.Contains("too_large: a hub message may be at most 65536 bytes", closed.Message, StringComparison.Ordinal);
        Assert.Contains("too_large: ", hub.CloseReason, StringComparison.Ordinal);
        Assert.Empty(await fixture.Alice.HistoryAsync(roomId));
        await using var again = await fixture.Node.ConnectAsync(fixture.Alice);
        Assert.Equal(1, (await again.SendTextAsync(roomId, "hello", clientMsgId: "big")).Long("seq"));
    }

    [Theory]
    [InlineData("NoSuchMethod")]
    [InlineData("Send Message")]
    [InlineData("OnConnectedAsync")]
    public async Task An_unknown_hub_method_is_not_found(string method)
    {
        await using var hub = await fixture.Node.ConnectAsync(fixture.Alice);

        var error = await Steps.AssertHubErrorAsync("not_found", () => hub.InvokeAsync(method, "r_x"));

        Assert.StartsWith("not_found: no hub method", error, StringComparison.Ordinal);
        Assert.False(hub.IsClosed);
    }

    [Theory]
    [InlineData("SendMessage", 0)]
    [InlineData("SendMessage", 1)]
    [InlineData("SendMessage", 3)]
    [InlineData("EditMessage", 2)]
    [InlineData("Typing", 0)]
    [InlineData("Typing", 2)]
    [InlineData("MarkRead", 5)]
    public async Task A_hub_call_with_the_wrong_number_of_arguments_is_invalid(string method, int count)
    {
        var (roomId, hub) = await RoomAndHubAsync();
        await using var _ = hub;
        object?[] given = [roomId, 1, "text", 4, 5];

        var error = await Steps.AssertHubErrorAsync("invalid", () => hub.InvokeAsync(method, given[..count]));

        Assert.StartsWith("invalid: arguments: ", error, StringComparison.Ordinal);
        Assert.Empty(await fixture.Alice.HistoryAsync(roomId));
        Assert.False(hub.IsClosed);
    }

    [Fact]
    public async Task A_hub_call_with_a_number_too_large_for_a_seq_is_invalid()
    {
        var (roomId, hub) = await RoomAndHubAsync();
        await using var _ = hub;

        var error = await Steps.AssertHubErrorAsync("invalid", () => hub.InvokeAsync("MarkRead", roomId, 1e30));

        Assert.StartsWith("invalid: arguments: ", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{")]
    [InlineData("not json")]
    [InlineData("{\"type\":1,\"target\":5,\"arguments\":[]}")]
    public async Task A_frame_that_is_no_message_of_the_protocol_closes_the_connection_saying_invalid(string frame)
    {
        await using var hub = await WildInput.RawHubConnection.ConnectAsync(fixture.Node.BaseAddress, fixture.Alice.Token);

        await hub.SendGarbageAsync(frame);

        Assert.True(hub.IsClosed);
        Assert.StartsWith("invalid: ", hub.CloseError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_message_of_a_type_the_server_does_not_know_is_ignored_and_the_connection_goes_on()
    {
        await using var hub = await WildInput.RawHubConnection.ConnectAsync(fixture.Node.BaseAddress, fixture.Alice.Token);

        var (completed, error) = await hub.SendGarbageAsync("{\"type\":99}");

        Assert.True(completed);
        Assert.StartsWith("invalid: roomId: ", error, StringComparison.Ordinal);
        Assert.False(hub.IsClosed);
    }

    /// <summary>A new room of Alice's and a connection of hers.</summary>
    private async Task<(string RoomId, HubTestClient Hub)> RoomAndHubAsync()
    {
        var roomId = await Steps.RoomWithAsync(fixture.Alice);
        return (roomId, await fixture.Node.ConnectAsync(fixture.Alice));
    }
}
