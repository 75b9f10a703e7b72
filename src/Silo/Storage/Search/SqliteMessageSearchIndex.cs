using System.Data.Common;
using Community.Grains.Messages;
using Dapper;

namespace Community.Silo.Storage.Search;

/// <summary>The index on SQLite: a row id per message in <c>message_search</c>, its tokens in the contentless FTS5 table under that row id.</summary>
internal sealed class SqliteMessageSearchIndex : MessageSearchIndex
{
    public static readonly SqliteMessageSearchIndex Instance = new();

    public override async Task ReindexAsync(DbConnection connection, DbTransaction transaction, ChatMessage message)
    {
        var entry = SearchEntry.Of(message);
        var key = new { roomId = message.RoomId, seq = message.Seq, tokens = string.Join(' ', entry.Tokens) };
        await connection.ExecuteAsync(
            "DELETE FROM message_search_fts WHERE rowid = (SELECT id FROM message_search WHERE room_id = @roomId AND seq = @seq)", key, transaction);
        await connection.ExecuteAsync(entry.Indexed
            ? """
              INSERT INTO message_search (room_id, seq) VALUES (@roomId, @seq) ON CONFLICT (room_id, seq) DO NOTHING;
              INSERT INTO message_search_fts (rowid, tokens) SELECT id, @tokens FROM message_search WHERE room_id = @roomId AND seq = @seq;
              """
            : "DELETE FROM message_search WHERE room_id = @roomId AND seq = @seq", key, transaction);
    }

    protected override async Task InsertAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<SearchEntry> entries)
    {
        foreach (var entry in entries)
        {
            await connection.ExecuteAsync(
                """
                INSERT INTO message_search (room_id, seq) VALUES (@roomId, @seq);
                INSERT INTO message_search_fts (rowid, tokens) VALUES (last_insert_rowid(), @tokens);
                """, new { roomId = entry.RoomId, seq = entry.Seq, tokens = string.Join(' ', entry.Tokens) }, transaction);
        }
    }
}
