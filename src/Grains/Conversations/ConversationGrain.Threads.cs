using Community.Grains.Errors;
using Community.Grains.Events;
using Community.Grains.Messages;

namespace Community.Grains.Conversations;

/// <summary>
/// Threads: a reply names the message it answers (<see cref="ChatMessage.ReplyToSeq"/>). Threads are
/// one level deep, as in Slack: a reply to a reply joins the thread of the message that started it.
/// The count and last reply time live on the thread's first message, moved in the transaction that
/// appends the replies; the room tells its members with <c>threadUpdated</c> once they are stored.
/// </summary>
public abstract partial class ConversationGrain
{
    /// <summary>
    /// The seq a reply to <paramref name="replyToSeq"/> is filed under: the thread's first message.
    /// <c>invalid</c> for a message the room does not have, or one deleted (its thread stays readable, and closed).
    /// </summary>
    private async Task<long> ThreadRootAsync(long replyToSeq)
    {
        var parent = await Services.Messages.GetAsync(Key, replyToSeq)
            ?? throw CommunityException.Invalid("replyToSeq", "no such message in this room");
        if (parent.Deleted) throw CommunityException.Invalid("replyToSeq", "that message was deleted: its thread takes no more replies");
        if (parent.ReplyToSeq is not { } root) return replyToSeq;
        var first = await Services.Messages.GetAsync(Key, root);
        if (first is null || first.Deleted) throw CommunityException.Invalid("replyToSeq", "that thread's first message was deleted: the thread takes no more replies");
        return root;
    }

    /// <summary>Tells the room the count and last reply time the append left on each thread it moved.</summary>
    private void PublishThreadUpdates(IReadOnlyList<ThreadCount> threads)
    {
        foreach (var thread in threads)
            Services.Events.Publish(new RoomEvent(Key, EventNames.ThreadUpdated, new ThreadUpdatedPayload(Key, thread.Seq, thread.ReplyCount, thread.LastReplyAt)));
    }
}
