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
    public static async Task MoveAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<ChatMessage> appended)
    {
        foreach (var thread in appended.Where(m => m.ReplyToSeq is not null).GroupBy(m => m.ReplyToSeq!.Value))
        {
            await connection.ExecuteAsync(
                """
                UPDATE messages SET reply_count = reply_count + @replies, last_reply_at = @lastReplyAt
                WHERE room_id = @roomId AND seq = @seq
                """,
                new { replies = thread.Count(), lastReplyAt = StoredValues.Time(thread.Max(m => m.SentAt)), roomId = appended[0].RoomId, seq = thread.Key },
                transaction);
        }
    }
}
