using System.Data.Common;
using System.Text;
using Community.Grains.Search;
using Community.Grains.Storage;
using Community.Silo.Storage.Sqlite;
using Dapper;

namespace Community.Silo.Storage.Search;

/// <summary>
/// Search on SQLite's FTS5: the index yields matching row ids newest first (ORDER BY rowid DESC), so
/// a page stops reading once it is full. The index is the outer loop, whatever the planner would pick
/// (CROSS JOIN), ordered by the index's own rowid: starting from the member's rooms, or ordered by another
/// column, it would read every match to sort them.
/// </summary>
internal sealed class SqliteMessageSearchStore(SqliteDatabase database) : MessageSearchStore(database)
{
    /// <summary>
    /// A prefix that stands for at most this many indexed words is asked as those words, ORed: FTS5 reads
    /// a prefix's matches whole before it can give the newest, but walks ORed words newest first and stops
    /// once the page is full. A prefix of more words stays a prefix.
    /// </summary>
    private const int MaxPrefixWords = 32;

    protected override async Task<IReadOnlyList<MessageSearchHit>> SearchAsync(DbConnection connection, MessageSearch search, string match)
    {
        var expanded = await ExpandedAsync(connection, search.Query);
        if (expanded == "") return [];
        return await HitsAsync(connection, search, "FROM message_search_fts f CROSS JOIN message_search s ON s.id = f.rowid",
            "message_search_fts MATCH @match AND f.rowid < @before", expanded ?? match,
            search.Before ?? long.MaxValue, search.Limit, join: "CROSS JOIN", order: "f.rowid");
    }

    /// <summary>Each term a quoted phrase of its tokens (the ascii tokenizer splits at the spaces), its last token a prefix where open; terms ANDed.</summary>
    protected override string Match(MessageSearchQuery query)
    {
        var match = new StringBuilder();
        foreach (var term in query.Terms)
        {
            if (match.Length > 0) match.Append(" AND ");
            match.Append(Phrase(term.Tokens));
            if (term.PrefixLast) match.Append('*');
        }
        return match.ToString();
    }

    /// <summary>
    /// The query with each open prefix replaced by the indexed words it stands for (the index's vocabulary),
    /// as ORed phrases; null when no term is a prefix, empty when a prefix stands for no indexed word.
    /// </summary>
    private static async Task<string?> ExpandedAsync(DbConnection connection, MessageSearchQuery query)
    {
        if (!query.Terms.Any(t => t.PrefixLast)) return null;
        await connection.ExecuteAsync(
            "CREATE VIRTUAL TABLE IF NOT EXISTS temp.message_search_vocab USING fts5vocab(main, 'message_search_fts', 'row')");
        var match = new StringBuilder();
        foreach (var term in query.Terms)
        {
            if (match.Length > 0) match.Append(" AND ");
            var words = term.PrefixLast ? await WordsStartingWithAsync(connection, term.Tokens[^1]) : null;
            if (!term.PrefixLast)
                match.Append(Phrase(term.Tokens));
            else if (words is null)
                match.Append(Phrase(term.Tokens)).Append('*');
            else if (words.Count == 0)
                return "";
            else
                match.Append('(').AppendJoin(" OR ", words.Select(w => Phrase([.. term.Tokens.SkipLast(1), w]))).Append(')');
        }
        return match.ToString();
    }

    /// <summary>The indexed words that start with <paramref name="prefix"/>, or null when there are more than <see cref="MaxPrefixWords"/>.</summary>
    private static async Task<IReadOnlyList<string>?> WordsStartingWithAsync(DbConnection connection, string prefix)
    {
        // Words sort by their UTF-8 bytes, which is code point order: the prefix's range ends at the
        // prefix with its last character raised by one.
        var last = char.ConvertToUtf32(prefix, prefix.Length - (prefix.Length > 1 && char.IsLowSurrogate(prefix[^1]) ? 2 : 1));
        var stem = prefix[..(prefix.Length - (last > 0xFFFF ? 2 : 1))];
        if (last >= 0x10FFFF) return null;
        var end = stem + char.ConvertFromUtf32(last + 1 is >= 0xD800 and <= 0xDFFF ? 0xE000 : last + 1);
        var words = (await connection.QueryAsync<string>(
            "SELECT term FROM temp.message_search_vocab WHERE term >= @prefix AND term < @end LIMIT @limit",
            new { prefix, end, limit = MaxPrefixWords + 1 })).ToArray();
        return words.Length > MaxPrefixWords ? null : words;
    }

    private static string Phrase(IEnumerable<string> tokens) =>
        "\"" + string.Join(' ', tokens).Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
