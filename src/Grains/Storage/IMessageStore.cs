using Community.Grains.Audit;
using Community.Grains.Messages;

namespace Community.Grains.Storage;

/// <summary>The append-only message log of every room, keyed by <c>(roomId, seq)</c>.</summary>
public interface IMessageStore
{
    /// <summary>
    /// Appends messages with consecutive seqs after the room's current last seq, and moves the
    /// senders' read markers to their own messages and the reply counts of the messages they reply to, in one transaction. Throws
    /// <see cref="SeqConflictException"/> when the room's last seq is no longer the one
    /// just before the first message (another activation appended first), and
    /// <see cref="DuplicateMessageException"/> when a message repeats its sender's client message
    /// id in the room; either way nothing is written. Answers the threads the messages reply to,
    /// with the reply count and last reply time the append left on each.
    /// </summary>
    Task<IReadOnlyList<ThreadCount>> AppendAsync(IReadOnlyList<ChatMessage> messages);

    Task<ChatMessage?> GetAsync(string roomId, long seq);

    Task<ChatMessage?> FindByClientMsgIdAsync(string roomId, string senderId, string clientMsgId);

    /// <summary>
    /// Rewrites an existing message's text, edit time and tombstone flag, and records <paramref name="audit"/> with it when given;
    /// a tombstone leaves the room's pins in the same transaction.
    /// </summary>
    Task UpdateAsync(ChatMessage message, AuditEntry? audit = null);

    /// <summary>
    /// Up to <paramref name="limit"/> messages, ascending: the newest before <paramref name="beforeSeq"/>,
    /// or the oldest after <paramref name="afterSeq"/>, with their reactions as <paramref name="viewerId"/> sees them.
    /// </summary>
    Task<IReadOnlyList<ChatMessage>> PageAsync(string roomId, long? beforeSeq, long? afterSeq, int limit, string viewerId);

    /// <summary>Up to <paramref name="limit"/> replies to message <paramref name="seq"/> after <paramref name="afterSeq"/>, oldest first, with their reactions.</summary>
    Task<IReadOnlyList<ChatMessage>> RepliesAsync(string roomId, long seq, long afterSeq, int limit, string viewerId);

    /// <summary>Adds one member's reaction; false when it was there already.</summary>
    Task<bool> AddReactionAsync(string roomId, long seq, string key, string memberId, DateTimeOffset at);

    /// <summary>Removes one member's reaction; false when it was not there.</summary>
    Task<bool> RemoveReactionAsync(string roomId, long seq, string key, string memberId);

    Task<int> CountReactionsAsync(string roomId, long seq, string key);

    /// <summary>One message's reactions, a count per key, with <see cref="ReactionCount.Me"/> for <paramref name="viewerId"/>'s own.</summary>
    Task<IReadOnlyList<ReactionCount>> ReactionsAsync(string roomId, long seq, string viewerId);

    /// <summary>Every message the member sent, in every room, by room and seq (for their data export).</summary>
    Task<IReadOnlyList<ChatMessage>> SentByAsync(string memberId);

    /// <summary>The rooms holding messages from <paramref name="memberId"/> that are not deleted.</summary>
    Task<IReadOnlyList<string>> RoomsWithLiveMessagesFromAsync(string memberId);

    /// <summary>Up to <paramref name="limit"/> messages from <paramref name="senderId"/> in a room that are not deleted, oldest first.</summary>
    Task<IReadOnlyList<ChatMessage>> LiveMessagesFromAsync(string roomId, string senderId, int limit);

    /// <summary>Every reaction the member gave, by room, seq and time (for their data export).</summary>
    Task<IReadOnlyList<MemberReaction>> ReactionsByAsync(string memberId);
}
