using System.Data.Common;
using Community.Grains.Messages;
using Community.Silo.Storage.Search;

namespace Community.Silo.Storage.Sqlite;

internal sealed class SqliteMessageStore(SqliteDatabase database, StorageMetrics metrics) : MessageStore(database, SqliteDialect.Instance, metrics)
{
    protected override MessageSearchIndex SearchIndex => SqliteMessageSearchIndex.Instance;

    // A group-committed batch prepares its statements once and rebinds their parameters per row:
    // SQLite has no statement cache across commands, and preparing a statement per row took most
    // of a batch's time. Each sender's read marker moves once, to their newest message of the batch.
    protected override async Task InsertAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<ChatMessage> messages)
    {
        await using var insert = Command(connection, transaction,
            $"INSERT INTO messages ({MessageRow.Columns}) VALUES (@roomId, @seq, @senderId, @clientMsgId, @text, @stampId, @replyToSeq, @mentions, @sentAt, @editedAt, @deleted, 0, NULL)",
            "@roomId", "@seq", "@senderId", "@clientMsgId", "@text", "@stampId", "@replyToSeq", "@mentions", "@sentAt", "@editedAt", "@deleted");
        foreach (var m in messages)
        {
            Bind(insert, m.RoomId, m.Seq, m.SenderId, m.ClientMsgId, m.Text, m.StampId, m.ReplyToSeq,
                StoredValues.List(m.Mentions), StoredValues.Time(m.SentAt), StoredValues.Time(m.EditedAt), m.Deleted);
            await insert.ExecuteNonQueryAsync();
        }

        await using var readMarker = Command(connection, transaction,
            "UPDATE room_members SET read_seq = max(read_seq, @seq) WHERE room_id = @roomId AND member_id = @senderId",
            "@roomId", "@senderId", "@seq");
        foreach (var sender in messages.GroupBy(m => m.SenderId))
        {
            Bind(readMarker, messages[0].RoomId, sender.Key, sender.Max(m => m.Seq));
            await readMarker.ExecuteNonQueryAsync();
        }
    }

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            command.Parameters.Add(parameter);
        }
        command.Prepare();
        return command;
    }

    private static void Bind(DbCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i] ?? DBNull.Value;
    }
}
