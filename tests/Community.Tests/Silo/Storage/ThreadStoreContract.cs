using Community.Grains.Messages;
using Community.Grains.Pins;

namespace Community.Tests.Silo.Storage;

/// <summary>
/// What every store keeps of threads and pins: reply counts moved with the append that adds the
/// replies (several in one batch included), the replies page, pins, and a tombstone leaving the pins.
/// </summary>
public abstract class ThreadStoreContract : StorageContract
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await AddMemberAsync("m_a", "alice");
        await AddMemberAsync("m_b", "bob");
        await AddRoomAsync("r_1", ["m_a", "m_b"]);
    }

    [Fact]
    public async Task A_batch_with_several_replies_to_one_message_counts_each_and_keeps_the_latest_time()
    {
        await Stores.Messages.AppendAsync([Message("r_1", 1, "m_a"), Message("r_1", 2, "m_a")]).WaitAsync(Timeout);

        await Stores.Messages.AppendAsync([Reply(3, 1), Message("r_1", 4, "m_a"), Reply(5, 1), Reply(6, 2)]).WaitAsync(Timeout);
        await Stores.Messages.AppendAsync([Reply(7, 1)]).WaitAsync(Timeout);

        var page = await Stores.Messages.PageAsync("r_1", null, null, 10, "m_a").WaitAsync(Timeout);
        Assert.Equal((3, T0.AddSeconds(7)), (page[0].ReplyCount, page[0].LastReplyAt));
        Assert.Equal((1, T0.AddSeconds(6)), (page[1].ReplyCount, page[1].LastReplyAt));
        Assert.Equal((0, (DateTimeOffset?)null), (page[2].ReplyCount, page[2].LastReplyAt));
        var root = (await Stores.Messages.GetAsync("r_1", 1).WaitAsync(Timeout))!;
        Assert.Equal(3, root.ReplyCount);
    }

    [Fact]
    public async Task A_refused_batch_moves_no_reply_count()
    {
        await Stores.Messages.AppendAsync([Message("r_1", 1, "m_a"), Reply(2, 1) with { ClientMsgId = "same" }]).WaitAsync(Timeout);

        await Assert.ThrowsAsync<Community.Grains.Storage.DuplicateMessageException>(
            () => Stores.Messages.AppendAsync([Reply(3, 1), Reply(4, 1) with { ClientMsgId = "same" }]).WaitAsync(Timeout));

        Assert.Equal(1, (await Stores.Messages.GetAsync("r_1", 1).WaitAsync(Timeout))!.ReplyCount);
    }

    [Fact]
    public async Task The_replies_page_holds_only_the_threads_replies_oldest_first_after_the_cursor()
    {
        await Stores.Messages.AppendAsync([Message("r_1", 1, "m_a"), Reply(2, 1), Message("r_1", 3, "m_b"), Reply(4, 1), Reply(5, 1)]).WaitAsync(Timeout);
        await Stores.Messages.AddReactionAsync("r_1", 4, "👍", "m_a", T0).WaitAsync(Timeout);

        var first = await Stores.Messages.RepliesAsync("r_1", 1, 0, 2, "m_a").WaitAsync(Timeout);
        var rest = await Stores.Messages.RepliesAsync("r_1", 1, first[^1].Seq, 2, "m_a").WaitAsync(Timeout);

        Assert.Equal([2L, 4], first.Select(m => m.Seq));
        Assert.Equal([5L], rest.Select(m => m.Seq));
        Assert.True(Assert.Single(first[1].Reactions).Me);
        Assert.Empty(await Stores.Messages.RepliesAsync("r_1", 3, 0, 10, "m_a").WaitAsync(Timeout));
    }

    [Fact]
    public async Task Pins_list_newest_first_with_their_messages_and_a_tombstone_leaves_them()
    {
        await Stores.Messages.AppendAsync([Message("r_1", 1, "m_a"), Message("r_1", 2, "m_b")]).WaitAsync(Timeout);
        Assert.True(await Stores.Pins.AddAsync("r_1", new Pin(1, "m_a", T0)).WaitAsync(Timeout));
        Assert.True(await Stores.Pins.AddAsync("r_1", new Pin(2, "m_a", T0.AddMinutes(1))).WaitAsync(Timeout));
        Assert.False(await Stores.Pins.AddAsync("r_1", new Pin(2, "m_b", T0.AddMinutes(2))).WaitAsync(Timeout));

        var listed = await Stores.Pins.ListWithMessagesAsync("r_1", "m_a").WaitAsync(Timeout);
        Assert.Equal([(2L, "message 2", "m_a", T0.AddMinutes(1)), (1L, "message 1", "m_a", T0)],
            listed.Select(p => (p.Message.Seq, p.Message.Text, p.PinnedBy, p.PinnedAt)));

        var deleted = (await Stores.Messages.GetAsync("r_1", 2).WaitAsync(Timeout))! with { Text = null, Deleted = true };
        await Stores.Messages.UpdateAsync(deleted).WaitAsync(Timeout);

        Assert.Equal([1L], (await Stores.Pins.ListAsync("r_1").WaitAsync(Timeout)).Select(p => p.Seq));
        Assert.True(await Stores.Pins.RemoveAsync("r_1", 1).WaitAsync(Timeout));
        Assert.False(await Stores.Pins.RemoveAsync("r_1", 1).WaitAsync(Timeout));
        Assert.Empty(await Stores.Pins.ListWithMessagesAsync("r_1", "m_a").WaitAsync(Timeout));
    }

    private static ChatMessage Reply(long seq, long replyToSeq) => Message("r_1", seq, "m_b") with { ReplyToSeq = replyToSeq };
}
