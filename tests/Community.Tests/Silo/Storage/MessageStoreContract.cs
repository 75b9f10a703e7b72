using System.Data.Common;
using Community.Grains.Messages;
using Community.Grains.Rooms;
using Community.Grains.Storage;
using Community.Silo.Storage;

namespace Community.Tests.Silo.Storage;

/// <summary>The behaviour every <see cref="IMessageStore"/> must show: the room log is dense and fenced by <c>(roomId, seq)</c>.</summary>
public abstract class MessageStoreContract : StorageContract
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await AddMemberAsync("m_a", "alice");
        await AddMemberAsync("m_b", "bob");
        await AddMemberAsync("m_c", "carol");
        await AddRoomAsync("r_1", ["m_a", "m_b", "m_c"]);
        await AddRoomAsync("r_2", ["m_a"]);
    }

    [Fact]
    public async Task Appended_message_round_trips_every_field()
    {
        var message = new ChatMessage("r_1", 1, "m_a", "client-1", "こんにちは @bob", StampId: "stamp-ok", ReplyToSeq: null,
            Mentions: ["m_b", "m_c"], SentAt: T0, EditedAt: null, Deleted: false, Reactions: []);

        await Stores.Messages.AppendAsync([message]).WaitAsync(Timeout);

        AssertSameMessage(message, await Stores.Messages.GetAsync("r_1", 1).WaitAsync(Timeout));
        Assert.Null(await Stores.Messages.GetAsync("r_1", 2).WaitAsync(Timeout));
        Assert.Null(await Stores.Messages.GetAsync("r_2", 1).WaitAsync(Timeout));
    }

    [Fact]
    public async Task Seq_1_then_a_batch_of_2_to_5_commit_and_move_last_seq_and_the_senders_read_markers()
    {
        await Stores.Messages.AppendAsync([Message("r_1", 1, "m_a")]).WaitAsync(Timeout);
        var batch = new[] { Message("r_1", 2, "m_b"), Message("r_1", 3, "m_a"), Message("r_1", 4, "m_b"), Message("r_1", 5, "m_a") };

        await Stores.Messages.AppendAsync(batch).WaitAsync(Timeout);

        var room = (await Stores.Rooms.LoadAsync("r_1").WaitAsync(Timeout))!;
        Assert.Equal(5, room.Info.LastSeq);
        Assert.Equal([1L, 2, 3, 4, 5], (await Stores.Messages.PageAsync("r_1", null, null, 10, "m_1").WaitAsync(Timeout)).Select(m => m.Seq));
        foreach (var message in batch) AssertSameMessage(message, await Stores.Messages.GetAsync("r_1", message.Seq).WaitAsync(Timeout));
        Assert.Equal(5, ReadSeqOf(room, "m_a"));
        Assert.Equal(4, ReadSeqOf(room, "m_b"));
        Assert.Equal(0, ReadSeqOf(room, "m_c"));
    }

    [Fact]
    public async Task Each_committed_batch_records_its_write_time_on_the_storage_meter_and_a_refused_one_does_not()
    {
        await Stores.Messages.AppendAsync([Message("r_1", 1, "m_a")]).WaitAsync(Timeout);
        await Stores.Messages.AppendAsync([Message("r_1", 2, "m_b"), Message("r_1", 3, "m_a")]).WaitAsync(Timeout);
        await Assert.ThrowsAsync<SeqConflictException>(() => Stores.Messages.AppendAsync([Message("r_1", 9, "m_a")]).WaitAsync(Timeout));

        var appends = Stores.Meters.Measurements(StorageMetrics.MessageAppend);
        Assert.Equal(2, appends.Count);
        Assert.All(appends, seconds => Assert.InRange(seconds, double.Epsilon, Timeout.TotalSeconds));
    }

    [Fact]
    public async Task A_messages_reactions_count_each_key_and_mark_the_viewers_own()
    {
        await Stores.Messages.AppendAsync([Message("r_1", 1, "m_a"), Message("r_1", 2, "m_a")]).WaitAsync(Timeout);
        await Stores.Messages.AddReactionAsync("r_1", 1, "👍", "m_a", T0).WaitAsync(Timeout);
        await Stores.Messages.AddReactionAsync("r_1", 1, "👍", "m_b", T0.AddSeconds(1)).WaitAsync(Timeout);
        await Stores.Messages.AddReactionAsync("r_1", 1, "🎉", "m_b", T0.AddSeconds(2)).WaitAsync(Timeout);
        await Stores.Messages.AddReactionAsync("r_1", 2, "🙏", "m_c", T0.AddSeconds(3)).WaitAsync(Timeout);

        var seenByB = await Stores.Messages.ReactionsAsync("r_1", 1, "m_b").WaitAsync(Timeout);
        var seenByC = await Stores.Messages.ReactionsAsync("r_1", 1, "m_c").WaitAsync(Timeout);

        Assert.Equal([new ReactionCount("👍", 2, true), new ReactionCount("🎉", 1, true)], seenByB);
        Assert.Equal([new ReactionCount("👍", 2, false), new ReactionCount("🎉", 1, false)], seenByC);
        Assert.Empty(await Stores.Messages.ReactionsAsync("r_1", 3, "m_b").WaitAsync(Timeout));
    }

    [Fact]
    public async Task Appending_after_a_gap_throws_a_seq_conflict_and_writes_nothing()
    {
        await Stores.Messages.AppendAsync([Message("r_1", 1, "m_a")]).WaitAsync(Timeout);

        await Assert.ThrowsAsync<SeqConflictException>(() => Stores.Messages.AppendAsync([Message("r_1", 3, "m_b")]).WaitAsync(Timeout));

        await AssertLogIsAsync("r_1", 1);
        Assert.Equal(0, ReadSeqOf((await Stores.Rooms.LoadAsync("r_1").WaitAsync(Timeout))!, "m_b"));
    }

    [Fact]
    public async Task Appending_a_seq_already_taken_throws_a_seq_conflict_and_keeps_the_original()
    {
        await Stores.Messages.AppendAsync([Message("r_1", 1, "m_a"), Message("r_1", 2, "m_a", "original")]).WaitAsync(Timeout);

        // An out-of-date writer that still believes the log ends at seq 1.
        await Assert.ThrowsAsync<SeqConflictException>(
            () => Stores.Messages.AppendAsync([Message("r_1", 2, "m_b", "stale"), Message("r_1", 3, "m_b", "stale")]).WaitAsync(Timeout));

        await AssertLogIsAsync("r_1", 2);
        Assert.Equal("original", (await Stores.Messages.GetAsync("r_1", 2).WaitAsync(Timeout))?.Text);
        Assert.Equal(0, ReadSeqOf((await Stores.Rooms.LoadAsync("r_1").WaitAsync(Timeout))!, "m_b"));
    }

    [Fact]
    public async Task Duplicate_client_message_id_of_one_sender_in_one_room_is_rejected_and_the_original_is_found()
    {
        var original = Message("r_1", 1, "m_a", "original") with { ClientMsgId = "same" };
        await Stores.Messages.AppendAsync([original]).WaitAsync(Timeout);

        var duplicate = await Assert.ThrowsAsync<DuplicateMessageException>(
            () => Stores.Messages.AppendAsync([Message("r_1", 2, "m_a", "retry") with { ClientMsgId = "same" }]).WaitAsync(Timeout));

        Assert.Equal(("r_1", "m_a", "same"), (duplicate.RoomId, duplicate.SenderId, duplicate.ClientMsgId));

        await AssertLogIsAsync("r_1", 1);
        AssertSameMessage(original, await Stores.Messages.FindByClientMsgIdAsync("r_1", "m_a", "same").WaitAsync(Timeout));
    }

    [Fact]
    public async Task Same_client_message_id_from_another_sender_or_in_another_room_is_accepted()
    {
        await Stores.Messages.AppendAsync([Message("r_1", 1, "m_a") with { ClientMsgId = "same" }]).WaitAsync(Timeout);

        await Stores.Messages.AppendAsync([Message("r_1", 2, "m_b") with { ClientMsgId = "same" }]).WaitAsync(Timeout);
        await Stores.Messages.AppendAsync([Message("r_2", 1, "m_a") with { ClientMsgId = "same" }]).WaitAsync(Timeout);

        Assert.Equal(1, (await Stores.Messages.FindByClientMsgIdAsync("r_1", "m_a", "same").WaitAsync(Timeout))?.Seq);
        Assert.Equal(2, (await Stores.Messages.FindByClientMsgIdAsync("r_1", "m_b", "same").WaitAsync(Timeout))?.Seq);
        Assert.Equal(1, (await Stores.Messages.FindByClientMsgIdAsync("r_2", "m_a", "same").WaitAsync(Timeout))?.Seq);
        Assert.Null(await Stores.Messages.FindByClientMsgIdAsync("r_1", "m_c", "same").WaitAsync(Timeout));
    }

    [Fact]
    public async Task Pages_before_after_and_latest_are_ascending_and_leave_no_gaps()
    {
        await Stores.Messages.AppendAsync(Enumerable.Range(1, 10).Select(i => Message("r_1", i, i % 2 == 0 ? "m_a" : "m_b")).ToArray()).WaitAsync(Timeout);
        await Stores.Messages.AppendAsync([Message("r_2", 1, "m_a")]).WaitAsync(Timeout);

        Assert.Equal(new long[] { 8, 9, 10 }, await SeqsAsync(null, null, 3));
        Assert.Equal(new long[] { 5, 6, 7 }, await SeqsAsync(8, null, 3));
        Assert.Equal(new long[] { 1, 2 }, await SeqsAsync(3, null, 5));
        Assert.Empty(await SeqsAsync(1, null, 5));
        Assert.Equal(new long[] { 1, 2, 3, 4 }, await SeqsAsync(null, 0, 4));
        Assert.Equal(new long[] { 8, 9, 10 }, await SeqsAsync(null, 7, 5));
        Assert.Empty(await SeqsAsync(null, 10, 5));

        var walked = new List<long>();
        for (long? before = null; ;)
        {
            var page = await SeqsAsync(before, null, 3);
            if (page.Length == 0) break;
            walked.InsertRange(0, page);
            before = page[0];
        }
        Assert.Equal(Enumerable.Range(1, 10).Select(i => (long)i), walked);
    }

    [Fact]
    public async Task Update_rewrites_text_edit_time_and_tombstone()
    {
        var original = Message("r_1", 1, "m_a", "typo");
        await Stores.Messages.AppendAsync([original, Message("r_1", 2, "m_b")]).WaitAsync(Timeout);

        var edited = original with { Text = "fixed 修正済み", EditedAt = T0.AddMinutes(3) };
        await Stores.Messages.UpdateAsync(edited).WaitAsync(Timeout);
        AssertSameMessage(edited, await Stores.Messages.GetAsync("r_1", 1).WaitAsync(Timeout));

        var tombstone = edited with { Text = null, EditedAt = T0.AddMinutes(4), Deleted = true };
        await Stores.Messages.UpdateAsync(tombstone).WaitAsync(Timeout);
        AssertSameMessage(tombstone, await Stores.Messages.GetAsync("r_1", 1).WaitAsync(Timeout));

        Assert.Equal("message 2", (await Stores.Messages.GetAsync("r_1", 2).WaitAsync(Timeout))?.Text);
        await AssertLogIsAsync("r_1", 2);
    }

    [Fact]
    public async Task Two_nodes_racing_to_append_the_same_next_seq_leave_exactly_one_message_at_it()
    {
        var second = await OpenSecondNodeAsync();
        await Stores.Messages.AppendAsync([Message("r_1", 1, "m_a")]).WaitAsync(Timeout);

        for (var seq = 2L; seq <= 6; seq++)
        {
            var fromA = Message("r_1", seq, "m_a", "from node A");
            var fromB = Message("r_1", seq, "m_b", "from node B");

            var outcomes = await Task.WhenAll(
                Task.Run(() => OutcomeOfAsync(Stores.Messages, fromA)),
                Task.Run(() => OutcomeOfAsync(second.Messages, fromB))).WaitAsync(Timeout);

            Assert.Single(outcomes, o => o is null);
            var failure = Assert.Single(outcomes, o => o is not null);
            Assert.True(failure is SeqConflictException or DbException, $"The losing append failed with {failure}");
            var winner = outcomes[0] is null ? fromA : fromB;
            AssertSameMessage(winner, await Stores.Messages.GetAsync("r_1", seq).WaitAsync(Timeout));
            Assert.Equal(seq, (await Stores.Rooms.LoadAsync("r_1").WaitAsync(Timeout))?.Info.LastSeq);
        }
        await AssertLogIsAsync("r_1", 6);
    }

    private static async Task<Exception?> OutcomeOfAsync(IMessageStore store, ChatMessage message)
    {
        try
        {
            await store.AppendAsync([message]).WaitAsync(Timeout);
            return null;
        }
        catch (Exception e) when (e is not TimeoutException)
        {
            return e;
        }
    }

    private async Task<long[]> SeqsAsync(long? beforeSeq, long? afterSeq, int limit) =>
        (await Stores.Messages.PageAsync("r_1", beforeSeq, afterSeq, limit, "m_1").WaitAsync(Timeout)).Select(m => m.Seq).ToArray();

    /// <summary>The room's log holds exactly seqs 1..<paramref name="lastSeq"/> and the room says so.</summary>
    private async Task AssertLogIsAsync(string roomId, long lastSeq)
    {
        Assert.Equal(lastSeq, (await Stores.Rooms.LoadAsync(roomId).WaitAsync(Timeout))?.Info.LastSeq);
        var log = await Stores.Messages.PageAsync(roomId, null, 0, 100, "m_1").WaitAsync(Timeout);
        Assert.Equal(Enumerable.Range(1, (int)lastSeq).Select(i => (long)i), log.Select(m => m.Seq));
    }

    private static long ReadSeqOf(RoomSnapshot room, string memberId) =>
        room.Members.Single(m => m.MemberId == memberId).ReadSeq;

    private static void AssertSameMessage(ChatMessage expected, ChatMessage? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(
            (expected.RoomId, expected.Seq, expected.SenderId, expected.ClientMsgId, expected.Text, expected.StampId, expected.ReplyToSeq, expected.SentAt, expected.EditedAt, expected.Deleted),
            (actual.RoomId, actual.Seq, actual.SenderId, actual.ClientMsgId, actual.Text, actual.StampId, actual.ReplyToSeq, actual.SentAt, actual.EditedAt, actual.Deleted));
        Assert.Equal(expected.Mentions, actual.Mentions);
    }
}
