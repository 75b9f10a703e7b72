using System.Text.RegularExpressions;

namespace Community.Grains.Messages;

/// <summary>Finds the <c>@handle</c> mentions in a message's text.</summary>
public static partial class Mentions
{
    public static IReadOnlyCollection<string> HandlesIn(string? text)
    {
        if (string.IsNullOrEmpty(text) || !text.Contains('@')) return [];
        return Pattern().Matches(text)
            .Select(m => m.Groups[1].Value.ToLowerInvariant().TrimEnd('.', '-'))
            .Where(h => h.Length >= 3)
            .ToHashSet();
    }

    // A handle after an @ that does not follow a word character (so mail addresses do not count).
    [GeneratedRegex(@"(?<![\w.@-])@([A-Za-z0-9_.-]{3,32})")]
    private static partial Regex Pattern();
}
