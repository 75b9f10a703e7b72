using System.Text.Json;
using Community.Tests.Support;

namespace Community.Tests.Gateway;

/// <summary>Reactions over the hub: the <c>reaction</c> event, counts, history and the keys allowed.</summary>
[Collection(MembersNode.Name)]
public sealed class ReactionTests(MembersNodeFixture fixture)
{
    private const string ThumbsUp = "👍";

    private TestMember Alice => fixture.Alice;

    private TestMember Bob => fixture.Bob;

    private TestMember Carol => fixture.Carol;

    [Fact]
    public async Task Adding_a_reaction_tells_the_room_members_who_reacted_with_what_and_the_count()
    {
        var room = await Steps.RoomWithAsync(Alice, Bob);
        await using var aliceHub = await fixture.Node.ConnectAsync(Alice);
        await using var bobHub = await fixture.Node.ConnectAsync(Bob);
        var seq = (await aliceHub.SendTextAsync(room, "今日は同窓会の日です")).Long("seq");

        await bobHub.InvokeVoidAsync("AddReaction", room, seq, ThumbsUp);

        foreach (var hub in new[] { aliceHub, bobHub })
        {
            var reaction = await hub.WaitForEventAsync("reaction", r => r.Str("roomId") == room);
            AssertReaction(reaction, room, seq, ThumbsUp, Bob.Id, added: true, count: 1);
        }
    }

    [Fact]
    public async Task A_second_member_adding_the_same_reaction_raises_the_count_to_two()
    {
        var room = await Steps.RoomWithAsync(Alice, Bob);
        await using var aliceHub = await fixture.Node.ConnectAsync(Alice);
        await using var bobHub = await fixture.Node.ConnectAsync(Bob);
        var seq = (await aliceHub.SendTextAsync(room, "新しい職場に慣れました")).Long("seq");

        await bobHub.InvokeVoidAsync("AddReaction", room, seq, ThumbsUp);
        await aliceHub.WaitForEventAsync("reaction", r => r.Str("memberId") == Bob.Id);
        await aliceHub.InvokeVoidAsync("AddReaction", room, seq, ThumbsUp);

        var second = await bobHub.WaitForEventAsync("reaction", r => r.Str("memberId") == Alice.Id);
        AssertReaction(second, room, seq, ThumbsUp, Alice.Id, added: true, count: 2);
    }

    [Fact]
    public async Task Adding_the_same_reaction_twice_is_a_no_op()
    {
        var room = await Steps.RoomWithAsync(Alice, Bob);
        await using var aliceHub = await fixture.Node.ConnectAsync(Alice);
        await using var bobHub = await fixture.Node.ConnectAsync(Bob);
        var seq = (await aliceHub.SendTextAsync(room, "転職しました")).Long("seq");
        await aliceHub.InvokeVoidAsync("AddReaction", room, seq, ThumbsUp);
        await bobHub.InvokeVoidAsync("AddReaction", room, seq, ThumbsUp);
        await aliceHub.WaitForEventAsync("reaction", r => r.Str("memberId") == Bob.Id);

        await bobHub.InvokeVoidAsync("AddReaction", room, seq, ThumbsUp);
        // Fence: a later reaction that must arrive; the repeated one must not have come before it.
        await aliceHub.InvokeVoidAsync("AddReaction", room, seq, "🎉");
        await aliceHub.WaitForEventAsync("reaction", r => r.Str("key") == "🎉");

        var thumbs = Steps.EventsOf(aliceHub, "reaction", r => r.Str("roomId") == room && r.Str("key") == ThumbsUp);
        Assert.Equal([(Alice.Id, 1), (Bob.Id, 2)], thumbs.Select(r => (r.Str("memberId"), r.GetProperty("count").GetInt32())).ToArray());
        var reactions = (await Steps.MessageAsync(Alice, room, seq)).GetProperty("reactions");
        Assert.Equal(2, Assert.Single(reactions.EnumerateArray(), r => r.Str("key") == ThumbsUp).GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task Removing_a_reaction_tells_the_room_the_new_count()
    {
        var room = await Steps.RoomWithAsync(Alice, Bob);
        await using var aliceHub = await fixture.Node.ConnectAsync(Alice);
        await using var bobHub = await fixture.Node.ConnectAsync(Bob);
        var seq = (await aliceHub.SendTextAsync(room, "来週空いてる？")).Long("seq");
        await aliceHub.InvokeVoidAsync("AddReaction", room, seq, ThumbsUp);
        await bobHub.InvokeVoidAsync("AddReaction", room, seq, ThumbsUp);
        await aliceHub.WaitForEventAsync("reaction", r => r.Str("memberId") == Bob.Id && r.GetProperty("added").GetBoolean());

        await bobHub.InvokeVoidAsync("RemoveReaction", room, seq, ThumbsUp);

        var removed = await aliceHub.WaitForEventAsync("reaction", r => !r.GetProperty("added").GetBoolean());
        AssertReaction(removed, room, seq, ThumbsUp, Bob.Id, added: false, count: 1);
        var reactions = (await Steps.MessageAsync(Bob, room, seq)).GetProperty("reactions");
        var thumbs = Assert.Single(reactions.EnumerateArray());
        Assert.Equal((ThumbsUp, 1, false), (thumbs.Str("key"), thumbs.GetProperty("count").GetInt32(), thumbs.GetProperty("me").GetBoolean()));
    }

    [Fact]
    public async Task History_shows_each_reaction_count_and_whether_the_reader_reacted()
    {
        var room = await Steps.RoomWithAsync(Alice, Bob, Carol);
        await using var aliceHub = await fixture.Node.ConnectAsync(Alice);
        await using var bobHub = await fixture.Node.ConnectAsync(Bob);
        var seq = (await aliceHub.SendTextAsync(room, "写真を共有します")).Long("seq");
        await aliceHub.InvokeVoidAsync("AddReaction", room, seq, ThumbsUp);
        await bobHub.InvokeVoidAsync("AddReaction", room, seq, ThumbsUp);

        var seenByReactor = (await Steps.MessageAsync(Bob, room, seq)).GetProperty("reactions");
        var seenByOther = (await Steps.MessageAsync(Carol, room, seq)).GetProperty("reactions");

        var mine = Assert.Single(seenByReactor.EnumerateArray());
        Assert.Equal((ThumbsUp, 2, true), (mine.Str("key"), mine.GetProperty("count").GetInt32(), mine.GetProperty("me").GetBoolean()));
        var theirs = Assert.Single(seenByOther.EnumerateArray());
        Assert.Equal((ThumbsUp, 2, false), (theirs.Str("key"), theirs.GetProperty("count").GetInt32(), theirs.GetProperty("me").GetBoolean()));
    }

    [Fact]
    public async Task A_stamp_of_the_default_pack_is_a_reaction_key()
    {
        const string stamp = "stamp:default.arigatou";
        var room = await Steps.RoomWithAsync(Alice, Bob);
        await using var aliceHub = await fixture.Node.ConnectAsync(Alice);
        await using var bobHub = await fixture.Node.ConnectAsync(Bob);
        var seq = (await aliceHub.SendTextAsync(room, "お土産を持っていきます")).Long("seq");

        await bobHub.InvokeVoidAsync("AddReaction", room, seq, stamp);

        var reaction = await aliceHub.WaitForEventAsync("reaction", r => r.Str("roomId") == room);
        AssertReaction(reaction, room, seq, stamp, Bob.Id, added: true, count: 1);
        var reactions = (await Steps.MessageAsync(Bob, room, seq)).GetProperty("reactions");
        Assert.Equal(stamp, Assert.Single(reactions.EnumerateArray()).Str("key"));
    }

    [Fact]
    public async Task A_member_may_put_at_most_20_different_reactions_on_one_message()
    {
        var room = await Steps.RoomWithAsync(Alice, Bob);
        await using var aliceHub = await fixture.Node.ConnectAsync(Alice);
        await using var bobHub = await fixture.Node.ConnectAsync(Bob);
        var seq = (await aliceHub.SendTextAsync(room, "何でも反応してください")).Long("seq");
        foreach (var key in Emoji(0, 20)) await bobHub.InvokeVoidAsync("AddReaction", room, seq, key);

        var error = await Steps.AssertHubErrorAsync("invalid", () => bobHub.InvokeAsync("AddReaction", room, seq, Emoji(20, 1)[0]));
        await bobHub.InvokeVoidAsync("AddReaction", room, seq, Emoji(0, 1)[0]);
        await aliceHub.InvokeVoidAsync("AddReaction", room, seq, Emoji(20, 1)[0]);

        Assert.StartsWith("invalid: key:", error, StringComparison.Ordinal);
        var reactions = (await Steps.MessageAsync(Bob, room, seq)).GetProperty("reactions").EnumerateArray().ToArray();
        Assert.Equal(20, reactions.Count(r => r.GetProperty("me").GetBoolean()));
        Assert.Equal(Emoji(0, 21), reactions.Select(r => r.Str("key")).Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public async Task A_message_holds_at_most_50_different_reaction_keys_and_more_of_those()
    {
        var room = await Steps.RoomWithAsync(Alice, Bob, Carol, fixture.Secretariat);
        await using var aliceHub = await fixture.Node.ConnectAsync(Alice);
        await using var bobHub = await fixture.Node.ConnectAsync(Bob);
        await using var carolHub = await fixture.Node.ConnectAsync(Carol);
        await using var secretariatHub = await fixture.Node.ConnectAsync(fixture.Secretariat);
        var seq = (await aliceHub.SendTextAsync(room, "投票: 好きな絵文字は？")).Long("seq");
        foreach (var key in Emoji(0, 20)) await aliceHub.InvokeVoidAsync("AddReaction", room, seq, key);
        foreach (var key in Emoji(20, 20)) await bobHub.InvokeVoidAsync("AddReaction", room, seq, key);
        foreach (var key in Emoji(40, 10)) await carolHub.InvokeVoidAsync("AddReaction", room, seq, key);

        await Steps.AssertHubErrorAsync("invalid", () => secretariatHub.InvokeAsync("AddReaction", room, seq, Emoji(50, 1)[0]));
        await secretariatHub.InvokeVoidAsync("AddReaction", room, seq, Emoji(0, 1)[0]);

        var reactions = (await Steps.MessageAsync(Alice, room, seq)).GetProperty("reactions").EnumerateArray().ToArray();
        Assert.Equal(Emoji(0, 50), reactions.Select(r => r.Str("key")).Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(2, reactions.Single(r => r.Str("key") == Emoji(0, 1)[0]).GetProperty("count").GetInt32());
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("👍👍")]
    [InlineData("stamp:nope")]
    [InlineData("")]
    public async Task A_key_that_is_neither_one_emoji_nor_a_known_stamp_is_invalid(string key)
    {
        var room = await Steps.RoomWithAsync(Alice);
        await using var aliceHub = await fixture.Node.ConnectAsync(Alice);
        var seq = (await aliceHub.SendTextAsync(room, "反応してください")).Long("seq");

        await Steps.AssertHubErrorAsync("invalid", () => aliceHub.InvokeAsync("AddReaction", room, seq, key));

        Assert.Empty((await Steps.MessageAsync(Alice, room, seq)).GetProperty("reactions").EnumerateArray());
    }

    [Fact]
    public async Task Reacting_to_a_deleted_message_is_not_found()
    {
        var room = await Steps.RoomWithAsync(Alice);
        await using var aliceHub = await fixture.Node.ConnectAsync(Alice);
        var seq = (await aliceHub.SendTextAsync(room, "消します")).Long("seq");
        await aliceHub.InvokeVoidAsync("DeleteMessage", room, seq);

        await Steps.AssertHubErrorAsync("not_found", () => aliceHub.InvokeAsync("AddReaction", room, seq, ThumbsUp));
    }

    [Fact]
    public async Task Reacting_to_an_unknown_message_is_not_found()
    {
        var room = await Steps.RoomWithAsync(Alice);
        await using var aliceHub = await fixture.Node.ConnectAsync(Alice);
        await aliceHub.SendTextAsync(room, "ひとつだけ");

        await Steps.AssertHubErrorAsync("not_found", () => aliceHub.InvokeAsync("AddReaction", room, 99, ThumbsUp));
    }

    [Fact]
    public async Task A_member_outside_the_room_cannot_react()
    {
        var room = await Steps.RoomWithAsync(Alice);
        await using var aliceHub = await fixture.Node.ConnectAsync(Alice);
        await using var carolHub = await fixture.Node.ConnectAsync(Carol);
        var seq = (await aliceHub.SendTextAsync(room, "メンバー限定")).Long("seq");

        await Steps.AssertHubErrorAsync("forbidden", () => carolHub.InvokeAsync("AddReaction", room, seq, ThumbsUp));

        Assert.Empty((await Steps.MessageAsync(Alice, room, seq)).GetProperty("reactions").EnumerateArray());
    }

    private static void AssertReaction(JsonElement reaction, string roomId, long seq, string key, string memberId, bool added, int count)
    {
        Assert.Equal(roomId, reaction.Str("roomId"));
        Assert.Equal(seq, reaction.Long("seq"));
        Assert.Equal(key, reaction.Str("key"));
        Assert.Equal(memberId, reaction.Str("memberId"));
        Assert.Equal(added, reaction.GetProperty("added").GetBoolean());
        Assert.Equal(count, reaction.GetProperty("count").GetInt32());
    }

    /// <summary><paramref name="count"/> different emoji from the Emoticons block (😀 on), in code point order.</summary>
    private static string[] Emoji(int from, int count) =>
        Enumerable.Range(0x1F600 + from, count).Select(char.ConvertFromUtf32).ToArray();
}
