namespace Community.Grains.Search;

/// <summary>A piece of a search hit's snippet: plain text, and whether it is a part the query matched.</summary>
public sealed record SnippetSegment(string Text, bool Match);
