using System.Data.Common;
using Community.Grains.Messages;
using Community.Silo.Storage.Search;
using Dapper;

namespace Community.Silo.Storage.Postgres;

internal sealed class PostgresMessageStore(PostgresDatabase database, StorageMetrics metrics) : MessageStore(database, PostgresDialect.Instance, metrics)
{
    protected override MessageSearchIndex SearchIndex => PostgresMessageSearchIndex.Instance;

    // A group-committed batch goes in as one statement of arrays, whatever its size; then each
    // sender's read marker moves to their newest message of the batch.
    protected override Task InsertAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<ChatMessage> messages) =>
        connection.ExecuteAsync(
            $"""
            INSERT INTO messages ({MessageRow.Columns})
            SELECT @roomId, *, 0, NULL::bigint FROM unnest(@seqs, @senderIds, @clientMsgIds, @texts, @stampIds, @replyToSeqs, @mentions, @sentAts, @editedAts, @deleted);
            UPDATE room_members m SET read_seq = GREATEST(m.read_seq, s.seq)
            FROM (SELECT sender_id, MAX(seq) AS seq FROM unnest(@senderIds, @seqs) AS t(sender_id, seq) GROUP BY sender_id) s
            WHERE m.room_id = @roomId AND m.member_id = s.sender_id;
            """,
            new
            {
                roomId = messages[0].RoomId,
                seqs = messages.Select(m => m.Seq).ToArray(),
                senderIds = messages.Select(m => m.SenderId).ToArray(),
                clientMsgIds = messages.Select(m => m.ClientMsgId).ToArray(),
                texts = messages.Select(m => m.Text).ToArray(),
                stampIds = messages.Select(m => m.StampId).ToArray(),
                replyToSeqs = messages.Select(m => m.ReplyToSeq).ToArray(),
                mentions = messages.Select(m => StoredValues.List(m.Mentions)).ToArray(),
                sentAts = messages.Select(m => StoredValues.Time(m.SentAt)).ToArray(),
                editedAts = messages.Select(m => StoredValues.Time(m.EditedAt)).ToArray(),
                deleted = messages.Select(m => m.Deleted).ToArray(),
            }, transaction);
}
