using System.Data.Common;
using System.Text;
using Community.Grains.Search;
using Community.Grains.Storage;
using Community.Silo.Storage.Sqlite;

namespace Community.Silo.Storage.Search;

/// <summary>
/// Search on SQLite's FTS5: the index yields matching row ids newest first (ORDER BY rowid DESC), so
/// a page stops reading once it is full. The index is the outer loop, whatever the planner would pick
/// (CROSS JOIN), ordered by the index's own rowid: starting from the member's rooms, or ordered by another
/// column, it would read every match to sort them.
/// </summary>
internal sealed class SqliteMessageSearchStore(SqliteDatabase database) : MessageSearchStore(database)
{
    protected override Task<IReadOnlyList<MessageSearchHit>> SearchAsync(DbConnection connection, MessageSearch search, string match) =>
        HitsAsync(connection, search, "FROM message_search_fts f CROSS JOIN message_search s ON s.id = f.rowid",
            "message_search_fts MATCH @match AND f.rowid < @before", match, search.Before ?? long.MaxValue, search.Limit,
            join: "CROSS JOIN", order: "f.rowid");

    /// <summary>Each term a quoted phrase of its tokens (the ascii tokenizer splits at the spaces), its last token a prefix where open; terms ANDed.</summary>
    protected override string Match(MessageSearchQuery query)
    {
        var match = new StringBuilder();
        foreach (var term in query.Terms)
        {
            if (match.Length > 0) match.Append(" AND ");
            match.Append('"').Append(string.Join(' ', term.Tokens).Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            if (term.PrefixLast) match.Append('*');
        }
        return match.ToString();
    }
}
