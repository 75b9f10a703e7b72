using Community.Grains.Messages;
using Community.Grains.Runtime;
using Community.Grains.Storage;
using Dapper;

namespace Community.Silo.Storage.Sqlite;

internal sealed class SqliteMessageStore(SqliteDatabase database) : IMessageStore
{
    public async Task AppendAsync(IReadOnlyList<ChatMessage> messages)
    {
        if (messages.Count == 0) return;
        var first = messages[0];
        var last = messages[^1];
        await using var connection = await database.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var moved = await connection.ExecuteAsync(
            "UPDATE rooms SET last_seq = @lastSeq, last_activity = @activity WHERE id = @roomId AND last_seq = @expected",
            new { lastSeq = last.Seq, activity = StoredValues.Time(last.SentAt), roomId = first.RoomId, expected = first.Seq - 1 },
            transaction);
        if (moved == 0) throw new StaleStateException($"room {first.RoomId} is past seq {first.Seq - 1}");
        foreach (var message in messages)
        {
            await connection.ExecuteAsync(
                $"""
                INSERT INTO messages ({MessageRow.Columns})
                VALUES (@roomId, @Seq, @senderId, @clientMsgId, @Text, @stampId, @replyToSeq, @mentions, @sentAt, @editedAt, @deleted)
                """, MessageRow.Parameters(message), transaction);
            await connection.ExecuteAsync(
                "UPDATE room_members SET read_seq = max(read_seq, @Seq) WHERE room_id = @RoomId AND member_id = @SenderId",
                new { message.Seq, message.RoomId, message.SenderId }, transaction);
        }
        await transaction.CommitAsync();
    }

    public async Task<ChatMessage?> GetAsync(string roomId, long seq)
    {
        await using var connection = await database.OpenAsync();
        var row = await connection.QuerySingleOrDefaultAsync<MessageRow>(
            $"SELECT {MessageRow.Columns} FROM messages WHERE room_id = @roomId AND seq = @seq", new { roomId, seq });
        return row?.ToMessage();
    }

    public async Task<ChatMessage?> FindByClientMsgIdAsync(string roomId, string senderId, string clientMsgId)
    {
        await using var connection = await database.OpenAsync();
        var row = await connection.QuerySingleOrDefaultAsync<MessageRow>(
            $"SELECT {MessageRow.Columns} FROM messages WHERE room_id = @roomId AND sender_id = @senderId AND client_msg_id = @clientMsgId",
            new { roomId, senderId, clientMsgId });
        return row?.ToMessage();
    }

    public async Task UpdateAsync(ChatMessage message)
    {
        await using var connection = await database.OpenAsync();
        await connection.ExecuteAsync(
            """
            UPDATE messages SET text = @Text, stamp_id = @stampId, mentions = @mentions, edited_at = @editedAt, deleted = @deleted
            WHERE room_id = @roomId AND seq = @Seq
            """, MessageRow.Parameters(message));
    }

    public async Task<IReadOnlyList<ChatMessage>> PageAsync(string roomId, long? beforeSeq, long? afterSeq, int limit)
    {
        await using var connection = await database.OpenAsync();
        IEnumerable<MessageRow> rows;
        if (afterSeq is { } after)
        {
            rows = await connection.QueryAsync<MessageRow>(
                $"SELECT {MessageRow.Columns} FROM messages WHERE room_id = @roomId AND seq > @after ORDER BY seq LIMIT @limit",
                new { roomId, after, limit });
        }
        else
        {
            rows = await connection.QueryAsync<MessageRow>(
                $"SELECT {MessageRow.Columns} FROM messages WHERE room_id = @roomId AND seq < @before ORDER BY seq DESC LIMIT @limit",
                new { roomId, before = beforeSeq ?? long.MaxValue, limit });
            rows = rows.Reverse();
        }
        return rows.Select(r => r.ToMessage()).ToArray();
    }
}
