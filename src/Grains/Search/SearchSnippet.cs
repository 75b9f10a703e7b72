using System.Globalization;

namespace Community.Grains.Search;

/// <summary>
/// The part of a message a search hit shows: the text around the first match, cut at character
/// boundaries, with the matched parts marked as segments (never markup, so a client renders it as text).
/// </summary>
public static class SearchSnippet
{
    /// <summary>Characters (UTF-16 units) a snippet holds at most, and how many come before the first match.</summary>
    public const int MaxLength = 160;
    private const int Lead = 40;
    private const string Ellipsis = "…";

    public static IReadOnlyList<SnippetSegment> Of(string text, MessageSearchQuery query)
    {
        var spans = MatchedSpans(text, query);
        var (from, to) = Window(text, spans.Count > 0 ? spans[0].Start : 0);
        var segments = new List<SnippetSegment>();
        if (from > 0) segments.Add(new SnippetSegment(Ellipsis, false));
        var at = from;
        foreach (var (start, end) in spans)
        {
            var s = Math.Max(start, from);
            var e = Math.Min(end, to);
            if (e <= s) continue;
            if (s > at) segments.Add(new SnippetSegment(Flat(text[at..s]), false));
            segments.Add(new SnippetSegment(Flat(text[s..e]), true));
            at = e;
        }
        if (to > at) segments.Add(new SnippetSegment(Flat(text[at..to]), false));
        if (to < text.Length) segments.Add(new SnippetSegment(Ellipsis, false));
        return segments;
    }

    /// <summary>The spans of the text where a term's phrase occurs, in order, overlapping ones merged.</summary>
    public static IReadOnlyList<(int Start, int End)> MatchedSpans(string text, MessageSearchQuery query)
    {
        var tokens = SearchTokenizer.Tokenize(text);
        var spans = new List<(int Start, int End)>();
        foreach (var term in query.Terms)
        {
            for (var i = 0; i + term.Tokens.Count <= tokens.Count; i++)
            {
                var matched = true;
                for (var j = 0; j < term.Tokens.Count && matched; j++) matched = term.Matches(j, tokens[i + j].Value);
                if (matched) spans.Add((tokens[i].Start, tokens[i + term.Tokens.Count - 1].End));
            }
        }
        spans.Sort();
        var merged = new List<(int Start, int End)>();
        foreach (var span in spans)
        {
            if (merged.Count > 0 && span.Start <= merged[^1].End) merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, span.End));
            else merged.Add(span);
        }
        return merged;
    }

    /// <summary>At most <see cref="MaxLength"/> units from a little before <paramref name="focus"/>, on text-element boundaries.</summary>
    private static (int From, int To) Window(string text, int focus)
    {
        if (text.Length <= MaxLength) return (0, text.Length);
        var boundaries = StringInfo.ParseCombiningCharacters(text);
        var from = Math.Max(0, Math.Min(focus - Lead, text.Length - MaxLength));
        from = Floor(boundaries, from);
        var to = from + MaxLength >= text.Length ? text.Length : Floor(boundaries, from + MaxLength);
        return (from, to == from ? text.Length : to);
    }

    private static int Floor(int[] boundaries, int index)
    {
        var i = Array.BinarySearch(boundaries, index);
        return i >= 0 ? boundaries[i] : boundaries[Math.Max(0, ~i - 1)];
    }

    /// <summary>Line breaks and tabs as spaces: a snippet is one line.</summary>
    private static string Flat(string text) => text.Replace('\n', ' ').Replace('\t', ' ');
}
