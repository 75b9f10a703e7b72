using Community.Tests.Support;

namespace Community.Tests.Gateway;

/// <summary>Mentions: <c>@handle</c> of a member of the room, listed on the message and told to them.</summary>
[Collection(MembersNode.Name)]
public sealed class MentionTests(MembersNodeFixture fixture)
{
    private TestMember Alice => fixture.Alice;

    private TestMember Bob => fixture.Bob;

    private TestMember Carol => fixture.Carol;

    [Fact]
    public async Task A_mention_of_a_room_member_is_listed_on_the_message_and_tells_them()
    {
        var room = await Steps.RoomWithAsync(Alice, Bob);
        await using var aliceHub = await fixture.Node.ConnectAsync(Alice);
        await using var bobHub = await fixture.Node.ConnectAsync(Bob);

        var sent = await aliceHub.SendTextAsync(room, "@bob 今度ランチ行きましょう");

        Assert.Equal([Bob.Id], Steps.StringsOf(sent.GetProperty("mentions")));
        var mention = await bobHub.WaitForEventAsync("mention", m => m.Str("roomId") == room);
        Assert.Equal((room, sent.Long("seq"), Alice.Id), (mention.Str("roomId"), mention.Long("seq"), mention.Str("by")));
        Assert.Equal([Bob.Id], Steps.StringsOf((await Steps.MessageAsync(Bob, room, sent.Long("seq"))).GetProperty("mentions")));
    }

    [Fact]
    public async Task A_message_may_mention_at_most_20_members()
    {
        var room = await Steps.RoomWithAsync(Alice, Bob);
        await using var aliceHub = await fixture.Node.ConnectAsync(Alice);
        await using var bobHub = await fixture.Node.ConnectAsync(Bob);
        var twenty = string.Join(' ', Enumerable.Range(1, 19).Select(i => $"@someone{i}").Append("@bob"));

        var error = await Steps.AssertHubErrorAsync("invalid", () => aliceHub.SendTextAsync(room, twenty + " @someone20"));
        var sent = await aliceHub.SendTextAsync(room, twenty);
        var edit = await Steps.AssertHubErrorAsync("invalid", () => aliceHub.InvokeAsync("EditMessage", room, sent.Long("seq"), twenty + " @carol"));

        Assert.StartsWith("invalid: text:", error, StringComparison.Ordinal);
        Assert.StartsWith("invalid: text:", edit, StringComparison.Ordinal);
        Assert.Equal([Bob.Id], Steps.StringsOf(sent.GetProperty("mentions")));
        var history = await Steps.HistoryAsync(Alice, room);
        Assert.Equal((1L, twenty), (Assert.Single(history).Long("seq"), history[0].Str("text")));
    }

    [Fact]
    public async Task A_mention_of_a_handle_nobody_has_is_left_out()
    {
        var room = await Steps.RoomWithAsync(Alice, Bob);
        await using var aliceHub = await fixture.Node.ConnectAsync(Alice);

        var sent = await aliceHub.SendTextAsync(room, "@nobody いますか？");

        Assert.Empty(sent.GetProperty("mentions").EnumerateArray());
    }

    [Fact]
    public async Task A_mention_of_a_member_outside_the_room_is_left_out_and_tells_them_nothing()
    {
        var room = await Steps.RoomWithAsync(Alice, Bob);
        var dm = (await Steps.OpenDmAsync(Alice, Carol.Id)).Str("id");
        await using var aliceHub = await fixture.Node.ConnectAsync(Alice);
        await using var carolHub = await fixture.Node.ConnectAsync(Carol);

        var sent = await aliceHub.SendTextAsync(room, "@carol さんも誘いましょう");

        Assert.Empty(sent.GetProperty("mentions").EnumerateArray());
        // Fence: a later mention of Carol where she is a member must reach her; the first must not have before it.
        var inDm = await aliceHub.SendTextAsync(dm, "@carol ランチどうですか");
        await carolHub.WaitForEventAsync("mention", m => m.Str("roomId") == dm && m.Long("seq") == inDm.Long("seq"));
        Assert.Empty(Steps.EventsOf(carolHub, "mention", m => m.Str("roomId") == room));
    }

    [Fact]
    public async Task An_email_address_is_not_a_mention()
    {
        var room = await Steps.RoomWithAsync(Alice, Bob);
        await using var aliceHub = await fixture.Node.ConnectAsync(Alice);

        var sent = await aliceHub.SendTextAsync(room, "連絡先は a@bob.com です");

        Assert.Empty(sent.GetProperty("mentions").EnumerateArray());
    }
}
