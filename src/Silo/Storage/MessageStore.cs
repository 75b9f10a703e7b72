using System.Data.Common;
using System.Diagnostics;
using Community.Grains.Audit;
using Community.Grains.Messages;
using Community.Grains.Storage;
using Community.Silo.Storage.Search;
using Dapper;

namespace Community.Silo.Storage;

/// <summary>Messages and their reactions; how a batch goes in is the provider's own (<see cref="InsertAsync"/>).</summary>
internal abstract class MessageStore(IDbConnectionFactory database, ISqlDialect sql, StorageMetrics metrics) : IMessageStore
{
    public async Task<IReadOnlyList<ThreadCount>> AppendAsync(IReadOnlyList<ChatMessage> messages)
    {
        if (messages.Count == 0) return [];
        var first = messages[0];
        var last = messages[^1];
        MessageBatch.CheckConsecutive(messages);
        var started = Stopwatch.GetTimestamp();
        await using var connection = await database.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        // The fence, a last line of defence: only the activation that knows the room's last seq
        // moves it. Should a second one ever write (the cluster briefly running two), it waits on
        // the row lock, then finds last_seq moved and changes nothing.
        var moved = await connection.ExecuteAsync(
            "UPDATE rooms SET last_seq = @lastSeq, last_activity = @activity WHERE id = @roomId AND last_seq = @expected",
            new { lastSeq = last.Seq, activity = StoredValues.Time(last.SentAt), roomId = first.RoomId, expected = first.Seq - 1 },
            transaction);
        if (moved == 0) throw new SeqConflictException($"room {first.RoomId} is past seq {first.Seq - 1}");
        try
        {
            await InsertAsync(connection, transaction, messages);
        }
        catch (DbException e) when (sql.IsDuplicateClientMessage(e))
        {
            // The unique index answers "sent already?" in the same round trip as the write.
            var repeated = messages.Count == 1 ? messages[0] : null;
            throw new DuplicateMessageException(first.RoomId, repeated?.SenderId ?? "", repeated?.ClientMsgId ?? "");
        }
        var threads = await ThreadCounts.MoveAsync(connection, transaction, messages);
        await SearchIndex.IndexAsync(connection, transaction, messages);
        await transaction.CommitAsync();
        metrics.Appended(started, messages.Count);
        return threads;
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

    public async Task UpdateAsync(ChatMessage message, AuditEntry? audit = null)
    {
        await using var connection = await database.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync(
            """
            UPDATE messages SET text = @Text, stamp_id = @stampId, mentions = @mentions, edited_at = @editedAt, deleted = @deleted
            WHERE room_id = @roomId AND seq = @Seq
            """, MessageRow.Parameters(message), transaction);
        if (message.Deleted) await PinRows.RemoveAsync(connection, transaction, message.RoomId, message.Seq);
        await SearchIndex.ReindexAsync(connection, transaction, message);
        await AuditLog.InsertIfAnyAsync(connection, transaction, audit);
        await transaction.CommitAsync();
    }

    public async Task<IReadOnlyList<ChatMessage>> SentByAsync(string memberId)
    {
        await using var connection = await database.OpenAsync();
        var rows = await connection.QueryAsync<MessageRow>(
            $"SELECT {MessageRow.Columns} FROM messages WHERE sender_id = @memberId ORDER BY room_id, seq", new { memberId });
        return rows.Select(r => r.ToMessage()).ToArray();
    }

    public async Task<IReadOnlyList<string>> RoomsWithLiveMessagesFromAsync(string memberId)
    {
        await using var connection = await database.OpenAsync();
        var rooms = await connection.QueryAsync<string>(
            "SELECT DISTINCT room_id FROM messages WHERE sender_id = @memberId AND deleted = @deleted ORDER BY room_id",
            new { memberId, deleted = false });
        return rooms.ToArray();
    }

    public async Task<IReadOnlyList<ChatMessage>> LiveMessagesFromAsync(string roomId, string senderId, int limit)
    {
        await using var connection = await database.OpenAsync();
        var rows = await connection.QueryAsync<MessageRow>(
            $"SELECT {MessageRow.Columns} FROM messages WHERE room_id = @roomId AND sender_id = @senderId AND deleted = @deleted ORDER BY seq LIMIT @limit",
            new { roomId, senderId, limit, deleted = false });
        return rows.Select(r => r.ToMessage()).ToArray();
    }

    public async Task<IReadOnlyList<MemberReaction>> ReactionsByAsync(string memberId)
    {
        await using var connection = await database.OpenAsync();
        var rows = await connection.QueryAsync<(string RoomId, long Seq, string Key, long At)>(
            "SELECT room_id, seq, reaction_key, created_at FROM reactions WHERE member_id = @memberId ORDER BY room_id, seq, created_at", new { memberId });
        return rows.Select(r => new MemberReaction(r.RoomId, r.Seq, r.Key, StoredValues.Time(r.At))).ToArray();
    }

    public async Task<IReadOnlyList<ChatMessage>> PageAsync(string roomId, long? beforeSeq, long? afterSeq, int limit, string viewerId)
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
        var page = rows.Select(r => r.ToMessage()).ToArray();
        if (page.Length == 0) return page;
        var reactions = await connection.QueryAsync<ReactionCountRow>(
            $"""
            SELECT seq, reaction_key AS key, COUNT(*) AS count, {sql.AnyOf("member_id = @viewerId")} AS me FROM reactions
            WHERE room_id = @roomId AND seq BETWEEN @first AND @last
            GROUP BY seq, reaction_key ORDER BY seq, MIN(created_at), reaction_key
            """, new { roomId, viewerId, first = page[0].Seq, last = page[^1].Seq });
        return ReactionCountRow.Attach(page, reactions);
    }

    public async Task<IReadOnlyList<ChatMessage>> RepliesAsync(string roomId, long seq, long afterSeq, int limit, string viewerId)
    {
        await using var connection = await database.OpenAsync();
        var rows = await connection.QueryAsync<MessageRow>(
            $"""
            SELECT {MessageRow.Columns} FROM messages
            WHERE room_id = @roomId AND reply_to_seq = @seq AND seq > @afterSeq ORDER BY seq LIMIT @limit
            """, new { roomId, seq, afterSeq, limit });
        var page = rows.Select(r => r.ToMessage()).ToArray();
        if (page.Length == 0) return page;
        var reactions = await connection.QueryAsync<ReactionCountRow>(
            $"""
            SELECT seq, reaction_key AS key, COUNT(*) AS count, {sql.AnyOf("member_id = @viewerId")} AS me FROM reactions
            WHERE room_id = @roomId AND seq IN (SELECT m.seq FROM messages m WHERE m.room_id = @roomId AND m.reply_to_seq = @seq AND m.seq BETWEEN @first AND @last)
            GROUP BY seq, reaction_key ORDER BY seq, MIN(created_at), reaction_key
            """, new { roomId, seq, viewerId, first = page[0].Seq, last = page[^1].Seq });
        return ReactionCountRow.Attach(page, reactions);
    }

    public async Task<bool> AddReactionAsync(string roomId, long seq, string key, string memberId, DateTimeOffset at)
    {
        await using var connection = await database.OpenAsync();
        return await connection.ExecuteAsync(
            """
            INSERT INTO reactions (room_id, seq, reaction_key, member_id, created_at) VALUES (@roomId, @seq, @key, @memberId, @at)
            ON CONFLICT DO NOTHING
            """, new { roomId, seq, key, memberId, at = StoredValues.Time(at) }) > 0;
    }

    public async Task<bool> RemoveReactionAsync(string roomId, long seq, string key, string memberId)
    {
        await using var connection = await database.OpenAsync();
        return await connection.ExecuteAsync(
            "DELETE FROM reactions WHERE room_id = @roomId AND seq = @seq AND reaction_key = @key AND member_id = @memberId",
            new { roomId, seq, key, memberId }) > 0;
    }

    public async Task<int> CountReactionsAsync(string roomId, long seq, string key)
    {
        await using var connection = await database.OpenAsync();
        return await connection.ExecuteScalarAsync<int>(
            "SELECT COUNT(*) FROM reactions WHERE room_id = @roomId AND seq = @seq AND reaction_key = @key", new { roomId, seq, key });
    }

    public async Task<IReadOnlyList<ReactionCount>> ReactionsAsync(string roomId, long seq, string viewerId)
    {
        await using var connection = await database.OpenAsync();
        var rows = await connection.QueryAsync<ReactionCountRow>(
            $"""
            SELECT seq, reaction_key AS key, COUNT(*) AS count, {sql.AnyOf("member_id = @viewerId")} AS me FROM reactions
            WHERE room_id = @roomId AND seq = @seq
            GROUP BY seq, reaction_key ORDER BY MIN(created_at), reaction_key
            """, new { roomId, seq, viewerId });
        return rows.Select(r => new ReactionCount(r.key, (int)r.count, r.me)).ToArray();
    }

    /// <summary>The provider's search index, kept in the transaction of every append and update.</summary>
    protected abstract MessageSearchIndex SearchIndex { get; }

    /// <summary>Inserts a batch of one room's consecutive messages and moves each sender's read marker to their newest of it.</summary>
    protected abstract Task InsertAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<ChatMessage> messages);
}
