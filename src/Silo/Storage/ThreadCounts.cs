using System.Data.Common;
using Community.Grains.Messages;
using Dapper;

namespace Community.Silo.Storage;

/// <summary>
/// The reply count and last reply time kept on a thread's first message: moved in the transaction
/// that appends the replies, so they never disagree with the log. A batch may hold several replies
/// to one message: each thread moves once, by all of its replies in the batch. Kept on the row
/// rather than counted when read: every read of a message (history, catch-up, a single message, the
/// replies page's root, the pins list) then carries the count as it is, at no cost, and only the
/// room's grain appends, so nothing else writes these columns.
/// </summary>
internal static class ThreadCounts
{
    /// <summary>Moves the threads the appended messages reply to, and answers where each now stands.</summary>
    public static async Task<IReadOnlyList<ThreadCount>> MoveAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<ChatMessage> appended)
    {
        var moved = new List<ThreadCount>();
        foreach (var thread in appended.Where(m => m.ReplyToSeq is not null).GroupBy(m => m.ReplyToSeq!.Value))
        {
            var row = await connection.QuerySingleOrDefaultAsync<(long ReplyCount, long? LastReplyAt)>(
                """
                UPDATE messages SET reply_count = reply_count + @replies, last_reply_at = @lastReplyAt
                WHERE room_id = @roomId AND seq = @seq
                RETURNING reply_count, last_reply_at
                """,
                new { replies = thread.Count(), lastReplyAt = StoredValues.Time(thread.Max(m => m.SentAt)), roomId = appended[0].RoomId, seq = thread.Key },
                transaction);
            if (row != default) moved.Add(new ThreadCount(thread.Key, (int)row.ReplyCount, StoredValues.Time(row.LastReplyAt)));
        }
        return moved;
    }
}
