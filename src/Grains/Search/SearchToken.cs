namespace Community.Grains.Search;

/// <summary>
/// One token of search text: its folded <paramref name="Value"/> and the span of the original text
/// it came from (UTF-16 offsets, <paramref name="End"/> exclusive). <paramref name="Open"/> when a
/// query may match it as a prefix: a word, or a lone Japanese or Chinese character.
/// <paramref name="RunEnd"/> for the last character of a run of several, which follows the run's last pair.
/// </summary>
public readonly record struct SearchToken(string Value, int Start, int End, bool Open, bool RunEnd = false);
