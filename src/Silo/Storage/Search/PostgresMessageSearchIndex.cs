using System.Data.Common;
using System.Text;
using Community.Grains.Messages;
using Dapper;

namespace Community.Silo.Storage.Search;

/// <summary>The index on PostgreSQL: a row per message in <c>message_search</c>, its tokens a tsvector under a GIN index.</summary>
internal sealed class PostgresMessageSearchIndex : MessageSearchIndex
{
    public static readonly PostgresMessageSearchIndex Instance = new();

    public override Task ReindexAsync(DbConnection connection, DbTransaction transaction, ChatMessage message)
    {
        var entry = SearchEntry.Of(message);
        return connection.ExecuteAsync(entry.Indexed
            ? """
              INSERT INTO message_search (room_id, seq, tokens) VALUES (@roomId, @seq, @tokens::tsvector)
              ON CONFLICT (room_id, seq) DO UPDATE SET tokens = excluded.tokens
              """
            : "DELETE FROM message_search WHERE room_id = @roomId AND seq = @seq",
            new { roomId = message.RoomId, seq = message.Seq, tokens = Vector(entry.Tokens) }, transaction);
    }

    protected override Task InsertAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<SearchEntry> entries) =>
        connection.ExecuteAsync(
            """
            INSERT INTO message_search (room_id, seq, tokens)
            SELECT t.room_id, t.seq, t.tokens::tsvector FROM unnest(@roomIds, @seqs, @vectors) WITH ORDINALITY AS t(room_id, seq, tokens, n)
            ORDER BY t.n
            """,
            new
            {
                roomIds = entries.Select(e => e.RoomId).ToArray(),
                seqs = entries.Select(e => e.Seq).ToArray(),
                vectors = entries.Select(e => Vector(e.Tokens)).ToArray(),
            }, transaction);

    /// <summary>
    /// The tokens as a tsvector literal, each with its position (1, 2, 3…), so that a phrase query
    /// (<c>&lt;-&gt;</c>) finds tokens one after the other. PostgreSQL keeps positions up to 16383;
    /// later ones share that last position (a message has at most 4,000 characters, so few reach it).
    /// </summary>
    public static string Vector(IReadOnlyList<string> tokens)
    {
        var literal = new StringBuilder();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (i > 0) literal.Append(' ');
            Lexeme(literal, tokens[i]).Append(':').Append(Math.Min(i + 1, 16383));
        }
        return literal.ToString();
    }

    /// <summary>A token quoted as a tsvector or tsquery lexeme.</summary>
    public static StringBuilder Lexeme(StringBuilder literal, string token) =>
        literal.Append('\'').Append(token.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "''", StringComparison.Ordinal)).Append('\'');
}
