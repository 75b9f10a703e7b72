using System.Globalization;
using System.Text;

namespace Community.Grains.Messages;

/// <summary>A reaction key is one emoji (<c>👍</c>) or a stamp (<c>stamp:&lt;stampId&gt;</c>).</summary>
public static class ReactionKeys
{
    public const string StampPrefix = "stamp:";

    public static bool IsStamp(string key, out string stampId)
    {
        stampId = key.StartsWith(StampPrefix, StringComparison.Ordinal) ? key[StampPrefix.Length..] : "";
        return stampId.Length > 0;
    }

    /// <summary>True for exactly one emoji: one grapheme cluster that starts with a pictographic symbol.</summary>
    public static bool IsSingleEmoji(string key)
    {
        if (key.Length is 0 or > 32) return false;
        if (new StringInfo(key).LengthInTextElements != 1) return false;
        var first = Rune.GetRuneAt(key, 0);
        if (Rune.GetUnicodeCategory(first) == UnicodeCategory.OtherSymbol) return true;
        // Keycaps (1️⃣, #️⃣) start with a digit or sign and end with the combining keycap.
        return key.EndsWith('\u20E3');
    }
}
