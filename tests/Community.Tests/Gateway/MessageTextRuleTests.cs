using Community.Tests.Support;

namespace Community.Tests.Gateway;

/// <summary>What a message carries through the hub refuses what its rule refuses, naming the field, and stores nothing.</summary>
[Collection(MembersNode.Name)]
public sealed class MessageTextRuleTests(MembersNodeFixture fixture)
{
    [Theory]
    [MemberData(nameof(BadText.Always), MemberType = typeof(BadText))]
    [InlineData("cr")]
    [InlineData("line-separator")]
    public async Task Text_that_breaks_the_text_rule_is_invalid_on_send(string why)
    {
        var (roomId, hub) = await RoomAndHubAsync();
        await using var _ = hub;

        var error = await Steps.AssertHubErrorAsync("invalid", () => hub.SendTextAsync(roomId, BadText.Of(why, 4000)));

        Assert.StartsWith("invalid: text: ", error, StringComparison.Ordinal);
        Assert.Empty(await fixture.Alice.HistoryAsync(roomId));
    }

    [Theory]
    [MemberData(nameof(BadText.Always), MemberType = typeof(BadText))]
    public async Task Text_that_breaks_the_text_rule_is_invalid_on_edit(string why)
    {
        var (roomId, hub) = await RoomAndHubAsync();
        await using var _ = hub;
        await hub.SendTextAsync(roomId, "original");

        var error = await Steps.AssertHubErrorAsync("invalid", () => hub.InvokeAsync("EditMessage", roomId, 1, BadText.Of(why, 4000)));

        Assert.StartsWith("invalid: text: ", error, StringComparison.Ordinal);
        Assert.Equal("original", (await fixture.Alice.HistoryAsync(roomId)).Single().Str("text"));
    }

    [Fact]
    public async Task Text_keeps_newlines_and_tabs_takes_crlf_as_lf_and_is_kept_in_nfc()
    {
        var (roomId, hub) = await RoomAndHubAsync();
        await using var _ = hub;

        var sent = await hub.SendTextAsync(roomId, "Cafe\u0301\r\n\tお元気ですか");

        Assert.Equal("Caf\u00E9\n\tお元気ですか", sent.Str("text"));
        Assert.Equal("Caf\u00E9\n\tお元気ですか", (await fixture.Alice.HistoryAsync(roomId)).Single().Str("text"));
    }

    [Fact]
    public async Task Text_of_4000_graphemes_over_16000_bytes_is_invalid()
    {
        var (roomId, hub) = await RoomAndHubAsync();
        await using var _ = hub;
        // 4,000 graphemes of 6 bytes each (あ and a combining dakuten, which NFC leaves apart).
        var text = string.Concat(Enumerable.Repeat("\u3042\u3099", 4000));

        var error = await Steps.AssertHubErrorAsync("invalid", () => hub.SendTextAsync(roomId, text));

        Assert.Contains("bytes", error, StringComparison.Ordinal);
        Assert.Empty(await fixture.Alice.HistoryAsync(roomId));
    }

    [Theory]
    [MemberData(nameof(BadText.Id), MemberType = typeof(BadText))]
    public async Task ClientMsgId_of_no_id_shape_is_invalid(string why)
    {
        var (roomId, hub) = await RoomAndHubAsync();
        await using var _ = hub;

        var error = await Steps.AssertHubErrorAsync("invalid", () => hub.SendTextAsync(roomId, "hello", clientMsgId: BadText.Of(why)));

        Assert.StartsWith("invalid: clientMsgId: ", error, StringComparison.Ordinal);
        Assert.Empty(await fixture.Alice.HistoryAsync(roomId));
    }

    [Theory]
    [MemberData(nameof(BadText.Id), MemberType = typeof(BadText))]
    public async Task StampId_of_no_id_shape_is_invalid(string why)
    {
        var (roomId, hub) = await RoomAndHubAsync();
        await using var _ = hub;

        var error = await Steps.AssertHubErrorAsync("invalid",
            () => hub.InvokeAsync("SendMessage", roomId, new { clientMsgId = Steps.NewClientMsgId(), stampId = BadText.Of(why) }));

        Assert.StartsWith("invalid: stampId: ", error, StringComparison.Ordinal);
        Assert.Empty(await fixture.Alice.HistoryAsync(roomId));
    }

    [Theory]
    [InlineData("stamp:\0")]
    [InlineData("stamp:default.arigatou\n")]
    [InlineData("👍\0")]
    [InlineData("👍\u0301\u0301\u0301\u0301\u0301")]
    [InlineData("a")]
    public async Task Reaction_key_that_is_not_one_emoji_or_a_stamp_is_invalid(string key)
    {
        var (roomId, hub) = await RoomAndHubAsync();
        await using var _ = hub;
        await hub.SendTextAsync(roomId, "react to me");

        var error = await Steps.AssertHubErrorAsync("invalid", () => hub.InvokeVoidAsync("AddReaction", roomId, 1, key));

        Assert.StartsWith("invalid: key: ", error, StringComparison.Ordinal);
        Assert.Empty((await fixture.Alice.HistoryAsync(roomId)).Single().GetProperty("reactions").EnumerateArray());
    }

    private async Task<(string RoomId, HubTestClient Hub)> RoomAndHubAsync()
    {
        var roomId = await Steps.RoomWithAsync(fixture.Alice);
        return (roomId, await fixture.Node.ConnectAsync(fixture.Alice));
    }
}
