using System.Text;
using Community.Grains.Search;
using Community.Silo.Storage.Postgres;

namespace Community.Silo.Storage.Search;

/// <summary>Search on PostgreSQL: the GIN index of the tsvectors finds the matching rows.</summary>
internal sealed class PostgresMessageSearchStore(PostgresDatabase database) : MessageSearchStore(database)
{
    protected override string HitsFrom =>
        """
        SELECT s.id, s.room_id, r.kind, r.name, s.seq, m.sender_id, m.sent_at, m.edited_at, m.text
        FROM message_search s
        """;

    protected override string Matches => "s.tokens @@ @match::tsquery";

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
