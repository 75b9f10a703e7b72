using Community.Grains.Errors;

namespace Community.Grains.Search;

/// <summary>
/// What a message search looks for: the query's space-separated terms, each a phrase of
/// <see cref="SearchTokenizer"/> tokens; a message matches when it holds every term. The last token
/// of a term may match as a prefix when it is a word or a lone kanji or kana (<c>lun</c> finds
/// <c>lunch</c>, <c>12月2</c> finds <c>12月20日</c>); a pair of kanji or kana matches exactly.
/// </summary>
public sealed record MessageSearchQuery(IReadOnlyList<MessageSearchTerm> Terms)
{
    /// <summary>The terms of a query that passed its text rule; <c>invalid</c> naming <paramref name="field"/> when nothing in it can be searched for.</summary>
    public static MessageSearchQuery Parse(string query, string field)
    {
        var terms = query.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(MessageSearchTerm.Of)
            .Where(t => t.Tokens.Count > 0)
            .ToArray();
        if (terms.Length == 0)
            throw CommunityException.Invalid(field, "holds nothing to search for: give words, numbers or Japanese text");
        return new MessageSearchQuery(terms);
    }
}

/// <summary>One term of a query: its tokens, in order, and whether the last may match as a prefix.</summary>
public sealed record MessageSearchTerm(IReadOnlyList<string> Tokens, bool PrefixLast)
{
    public static MessageSearchTerm Of(string term)
    {
        var tokens = SearchTokenizer.Tokenize(term).ToList();
        // A term that ends in a run of several characters ends with that run's last pair: the text may go on
        // after it, so the run's last character alone is left out.
        if (tokens.Count > 1 && tokens[^1].RunEnd) tokens.RemoveAt(tokens.Count - 1);
        return new MessageSearchTerm(tokens.Select(t => t.Value).ToArray(), tokens.Count > 0 && tokens[^1].Open);
    }

    /// <summary>Whether <paramref name="token"/> of a text matches this term's token at <paramref name="index"/>.</summary>
    public bool Matches(int index, string token) =>
        index == Tokens.Count - 1 && PrefixLast ? token.StartsWith(Tokens[index], StringComparison.Ordinal) : token == Tokens[index];
}
