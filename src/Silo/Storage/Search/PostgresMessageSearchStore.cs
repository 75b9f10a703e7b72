using System.Data.Common;
using System.Text;
using Community.Grains.Search;
using Community.Grains.Storage;
using Community.Silo.Storage.Postgres;
using Dapper;

namespace Community.Silo.Storage.Search;

/// <summary>
/// Search on PostgreSQL, in up to two steps so that neither a frequent nor a rare query reads much.
/// First the newest <paramref name="window"/> index rows, newest first, each tested against the query: a
/// frequent word fills the page there. What that leaves unfilled, the GIN index answers from the rows
/// before them: a query that found fewer than a page among them is rare enough that its matches there
/// are few (the planner, left to itself, walks the whole table newest first for a rare word).
/// </summary>
internal sealed class PostgresMessageSearchStore(PostgresDatabase database, int window = PostgresMessageSearchStore.Window) : MessageSearchStore(database)
{
    /// <summary>How many of the newest index rows the first step tests, unless told otherwise.</summary>
    public const int Window = 4000;

    protected override async Task<IReadOnlyList<MessageSearchHit>> SearchAsync(DbConnection connection, MessageSearch search, string match)
    {
        var before = search.Before ?? long.MaxValue;
        var newest = await HitsAsync(connection, search,
            "FROM (SELECT id, room_id, seq, tokens FROM message_search WHERE id < @before ORDER BY id DESC LIMIT @window) s",
            "s.tokens @@ @match::tsquery", match, before, search.Limit, new { window });
        if (newest.Count == search.Limit) return newest;
        var floor = await connection.ExecuteScalarAsync<long?>(
            "SELECT MIN(id) FROM (SELECT id FROM message_search WHERE id < @before ORDER BY id DESC LIMIT @window) w",
            new { before, window });
        if (floor is null) return newest;
        // The matches are gathered through the GIN index, then ordered: OFFSET 0 keeps the subquery apart, so that
        // the planner cannot walk the primary key newest first instead, and without sequential scans it cannot read
        // the whole table either, whatever its statistics guess of the query's frequency.
        await using var transaction = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync("SET LOCAL enable_seqscan = off", transaction: transaction);
        var older = await HitsAsync(connection, search,
            "FROM (SELECT id, room_id, seq FROM message_search WHERE tokens @@ @match::tsquery AND id < @floor OFFSET 0) s",
            "s.id < @before", match, floor.Value, search.Limit - newest.Count, new { floor }, transaction);
        await transaction.CommitAsync();
        return [.. newest, .. older];
    }

    /// <summary>A tsquery literal: each term a phrase (<c>&lt;-&gt;</c>) of its tokens, its last a prefix (<c>:*</c>) where open; terms joined by <c>&amp;</c>.</summary>
    protected override string Match(MessageSearchQuery query)
    {
        var match = new StringBuilder();
        foreach (var term in query.Terms)
        {
            if (match.Length > 0) match.Append(" & ");
            match.Append('(');
            for (var i = 0; i < term.Tokens.Count; i++)
            {
                if (i > 0) match.Append(" <-> ");
                PostgresMessageSearchIndex.Lexeme(match, term.Tokens[i]);
                if (i == term.Tokens.Count - 1 && term.PrefixLast) match.Append(":*");
            }
            match.Append(')');
        }
        return match.ToString();
    }
}
