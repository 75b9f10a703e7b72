using System.Data.Common;
using Community.Grains.Messages;
using Community.Silo.Storage.Search;
using Dapper;

namespace Community.Silo.Storage.Sqlite;

internal sealed class SqliteMessageStore(SqliteDatabase database) : MessageStore(database, SqliteDialect.Instance)
{
    protected override MessageSearchIndex SearchIndex => SqliteMessageSearchIndex.Instance;

    protected override async Task InsertAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<ChatMessage> messages)
    {
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
    }
}
