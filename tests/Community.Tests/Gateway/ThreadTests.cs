using System.Net;
using System.Text.Json;
using Community.Tests.Support;

namespace Community.Tests.Gateway;

/// <summary>Threads: reply counts and last reply times in every message shape, the replies page, and <c>threadUpdated</c>.</summary>
[Collection(MembersNode.Name)]
public sealed class ThreadTests(MembersNodeFixture fixture)
{
    private TestMember Alice => fixture.Alice;

    private TestMember Bob => fixture.Bob;

    private TestMember Carol => fixture.Carol;

    [Fact]
    public async Task Replies_show_as_the_reply_count_and_last_reply_time_in_history_and_catch_up()
    {
        var room = await Steps.RoomWithAsync(Alice, Bob);
        await using var aliceHub = await fixture.Node.ConnectAsync(Alice);
        await using var bobHub = await fixture.Node.ConnectAsync(Bob);
        var root = (await aliceHub.SendTextAsync(room, "去年の忘年会の写真、誰か持ってますか？")).Long("seq");
        await bobHub.SendTextAsync(room, "別の話題です");
        await bobHub.ReplyAsync(room, root, "あります！");
        var last = await aliceHub.ReplyAsync(room, root, "ありがとう");

        foreach (var query in new[] { "", "?after=0", $"?before={last.Long("seq") + 1}" })
        {
            var shown = Assert.Single(await Bob.HistoryAsync(room, query), m => m.Long("seq") == root);
            Assert.Equal(2, shown.GetProperty("replyCount").GetInt32());
            Assert.Equal(Time(last, "sentAt"), Time(shown, "lastReplyAt"));
        }
        var plain = Assert.Single(await Bob.HistoryAsync(room), m => m.Long("seq") == last.Long("seq"));
        Assert.Equal((0, JsonValueKind.Null), (plain.GetProperty("replyCount").GetInt32(), plain.GetProperty("lastReplyAt").ValueKind));
    }

    [Fact]
    public async Task A_reply_tells_the_room_the_thread_count_after_the_reply_itself()
    {
        var room = await Steps.RoomWithAsync(Alice, Bob, Carol);
        await using var aliceHub = await fixture.Node.ConnectAsync(Alice);
        await using var carolHub = await fixture.Node.ConnectAsync(Carol);
        var root = (await aliceHub.SendTextAsync(room, "ランチ会の日程を決めましょう")).Long("seq");

        var reply = await carolHub.ReplyAsync(room, root, "来週の水曜はどうですか");

        var updated = await aliceHub.WaitForEventAsync("threadUpdated", e => e.Str("roomId") == room);
        Assert.Equal((root, 1), (updated.Long("seq"), updated.GetProperty("replyCount").GetInt32()));
        Assert.Equal(Time(reply, "sentAt"), Time(updated, "lastReplyAt"));
        var order = aliceHub.Events.Where(e => e.Target is "message" or "threadUpdated" && e.Arg.Str("roomId") == room).Select(e => e.Target).ToArray();
        Assert.Equal(["message", "message", "threadUpdated"], order);
        var heard = await aliceHub.WaitForMessageAsync(room, reply.Long("seq"));
        Assert.Equal(root, heard.Long("replyToSeq"));
    }

    [Fact]
    public async Task Replies_sent_at_once_are_all_counted()
    {
        var room = await Steps.RoomWithAsync(Alice, Bob, Carol);
        await using var aliceHub = await fixture.Node.ConnectAsync(Alice);
        await using var bobHub = await fixture.Node.ConnectAsync(Bob);
        await using var carolHub = await fixture.Node.ConnectAsync(Carol);
        var root = (await aliceHub.SendTextAsync(room, "同窓会の幹事を募集します")).Long("seq");

        var replies = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => (i % 2 == 0 ? bobHub : carolHub).ReplyAsync(room, root, $"手伝います {i}")))
            .WaitAsync(Steps.BatchTimeout);

        var shown = await Steps.MessageAsync(Alice, room, root);
        Assert.Equal(30, shown.GetProperty("replyCount").GetInt32());
        Assert.Equal(replies.Max(r => Time(r, "sentAt")), Time(shown, "lastReplyAt"));
        await aliceHub.WaitForEventAsync("threadUpdated", e => e.Str("roomId") == room && e.GetProperty("replyCount").GetInt32() == 30);
    }

    [Fact]
    public async Task The_replies_page_goes_oldest_first_and_its_cursor_reaches_the_end()
    {
        var room = await Steps.RoomWithAsync(Alice, Bob);
        await using var aliceHub = await fixture.Node.ConnectAsync(Alice);
        await using var bobHub = await fixture.Node.ConnectAsync(Bob);
        var root = (await aliceHub.SendTextAsync(room, "渋谷で集まりませんか")).Long("seq");
        var replySeqs = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            replySeqs.Add((await bobHub.ReplyAsync(room, root, $"返信 {i}")).Long("seq"));
            await aliceHub.SendTextAsync(room, $"スレッド外 {i}");
        }

        var seen = new List<long>();
        string? after = "0";
        var pages = 0;
        while (after is not null)
        {
            var page = await Bob.GetAsync($"/api/rooms/{room}/messages/{root}/replies?after={after}&limit=2");
            Assert.Equal(root, page.GetProperty("root").Long("seq"));
            seen.AddRange(page.Items().Seqs());
            after = page.GetProperty("nextCursor").GetString();
            pages++;
        }

        Assert.Equal(replySeqs, seen);
        Assert.Equal(3, pages);
    }

    [Fact]
    public async Task A_reply_to_a_reply_joins_the_thread_of_its_first_message()
    {
        var room = await Steps.RoomWithAsync(Alice, Bob);
        await using var aliceHub = await fixture.Node.ConnectAsync(Alice);
        await using var bobHub = await fixture.Node.ConnectAsync(Bob);
        var root = (await aliceHub.SendTextAsync(room, "転職の相談に乗ってください")).Long("seq");
        var first = (await bobHub.ReplyAsync(room, root, "いいですよ")).Long("seq");

        var nested = await aliceHub.ReplyAsync(room, first, "助かります");

        Assert.Equal(root, nested.Long("replyToSeq"));
        Assert.Equal(2, (await Steps.MessageAsync(Bob, room, root)).GetProperty("replyCount").GetInt32());
        Assert.Equal(0, (await Steps.MessageAsync(Bob, room, first)).GetProperty("replyCount").GetInt32());
    }

    [Fact]
    public async Task Replies_to_a_deleted_message_stay_readable_and_the_thread_takes_no_more()
    {
        var room = await Steps.RoomWithAsync(Alice, Bob);
        await using var aliceHub = await fixture.Node.ConnectAsync(Alice);
        await using var bobHub = await fixture.Node.ConnectAsync(Bob);
        var root = (await aliceHub.SendTextAsync(room, "間違えて投稿しました")).Long("seq");
        var reply = (await bobHub.ReplyAsync(room, root, "大丈夫ですよ")).Long("seq");

        await aliceHub.InvokeVoidAsync("DeleteMessage", room, root);

        var page = await Bob.GetAsync($"/api/rooms/{room}/messages/{root}/replies");
        var tombstone = page.GetProperty("root");
        Assert.True(tombstone.GetProperty("deleted").GetBoolean());
        Assert.Equal(1, tombstone.GetProperty("replyCount").GetInt32());
        Assert.Equal([reply], page.Items().Seqs());
        Assert.Equal("大丈夫ですよ", page.Items()[0].Str("text"));
        Assert.Equal(1, (await Steps.MessageAsync(Bob, room, root)).GetProperty("replyCount").GetInt32());
        var error = await Steps.AssertHubErrorAsync("invalid", () => bobHub.ReplyAsync(room, root, "もう一言"));
        Assert.Contains("replyToSeq", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replying_to_a_seq_the_room_does_not_have_is_invalid_and_stores_nothing()
    {
        var room = await Steps.RoomWithAsync(Alice);
        await using var aliceHub = await fixture.Node.ConnectAsync(Alice);
        var root = (await aliceHub.SendTextAsync(room, "こんにちは")).Long("seq");

        var error = await Steps.AssertHubErrorAsync("invalid", () => aliceHub.ReplyAsync(room, root + 5, "どこへ？"));

        Assert.Contains("replyToSeq", error, StringComparison.Ordinal);
        Assert.Equal([root], (await Alice.HistoryAsync(room)).Seqs());
    }

    [Fact]
    public async Task Only_members_read_a_thread_and_a_missing_message_has_none()
    {
        var room = await Steps.PrivateRoomWithAsync(Alice, Bob);
        await using var aliceHub = await fixture.Node.ConnectAsync(Alice);
        var root = (await aliceHub.SendTextAsync(room, "内緒の話")).Long("seq");

        await (await Carol.Http.GetAsync($"/api/rooms/{room}/messages/{root}/replies")).AssertForbiddenAsync();
        await (await Bob.Http.GetAsync($"/api/rooms/{room}/messages/{root + 1}/replies")).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await Bob.Http.GetAsync($"/api/rooms/{room}/messages/{root}/replies?limit=0")).AssertInvalidAsync("limit");
        var empty = await Bob.GetAsync($"/api/rooms/{room}/messages/{root}/replies");
        Assert.Empty(empty.Items());
        Assert.Equal(JsonValueKind.Null, empty.GetProperty("nextCursor").ValueKind);
    }

    private static DateTimeOffset Time(JsonElement element, string property) => element.GetProperty(property).GetDateTimeOffset();
}
