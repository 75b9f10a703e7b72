using Community.Grains.Search;

namespace Community.Grains.Storage;

/// <summary>
/// Message search over the index the message store keeps with every append, edit and deletion
/// (in the same transaction): a message's text enters when it is stored, an edit's old text leaves
/// as the new one enters, and a deleted message leaves.
/// </summary>
public interface IMessageSearchStore
{
    /// <summary>
    /// Up to <see cref="MessageSearch.Limit"/> matching messages of the rooms <see cref="MessageSearch.MemberId"/>
    /// belongs to now, newest first, before the hit <see cref="MessageSearch.Before"/> when given.
    /// </summary>
    Task<IReadOnlyList<MessageSearchHit>> SearchAsync(MessageSearch search);
}

/// <summary>A search: who asks, for what, optionally within one room or from one sender, and where the page starts.</summary>
public sealed record MessageSearch(string MemberId, MessageSearchQuery Query, string? RoomId, string? SenderId, long? Before, int Limit);

/// <summary>
/// One matching message with its room; <paramref name="Id"/> is its place in the index, newer messages
/// having higher ones: the cursor of the next page.
/// </summary>
public sealed record MessageSearchHit(long Id, string RoomId, string RoomKind, string RoomName, long Seq, string SenderId,
    DateTimeOffset SentAt, DateTimeOffset? EditedAt, string Text);
