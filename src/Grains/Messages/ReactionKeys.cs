using System.Buffers;
using System.Globalization;
using System.Text;
using Community.Grains.Text;

namespace Community.Grains.Messages;

/// <summary>A reaction key is one emoji (<c>👍</c>) or a stamp (<c>stamp:&lt;stampId&gt;</c>).</summary>
public static class ReactionKeys
{
    public const string StampPrefix = "stamp:";

    public const string Rule = "one emoji (one grapheme that starts with a pictographic symbol, or a keycap; at most 32 UTF-16 code units) or `stamp:<stampId>`";

    public static bool IsStamp(string key, out string stampId)
    {
        stampId = key.StartsWith(StampPrefix, StringComparison.Ordinal) ? key[StampPrefix.Length..] : "";
        return stampId.Length > 0;
    }

    /// <summary>True for exactly one emoji: one grapheme cluster that starts with a pictographic symbol.</summary>
    public static bool IsSingleEmoji(string key)
    {
        if (key.Length is 0 or > 32) return false;
        if (Characters.FirstRefused(key, multiLine: false, bidiControls: false) is not null) return false;
        if (Graphemes.Count(key, TextRule.MaxMarksPerGrapheme, out var marksOverLimit) != 1 || marksOverLimit) return false;
        if (Rune.DecodeFromUtf16(key, out var first, out _) != OperationStatus.Done) return false;
        if (Rune.GetUnicodeCategory(first) == UnicodeCategory.OtherSymbol) return true;
        // Keycaps (1️⃣, #️⃣) start with a digit or sign and end with the combining keycap.
        return key.EndsWith('\u20E3');
    }
}
