using System.Buffers;
using System.Globalization;
using System.Text;

namespace Community.Grains.Text;

/// <summary>The characters no text of the network may hold, and those only some may.</summary>
public static class Characters
{
    /// <summary>
    /// Why <paramref name="text"/> cannot be kept, or null: a lone surrogate, a control character
    /// (C0, DEL, C1; newline and tab only in <paramref name="multiLine"/> text), a line or paragraph
    /// separator, a noncharacter, or a bidirectional control where <paramref name="bidiControls"/> is false.
    /// </summary>
    public static string? FirstRefused(string text, bool multiLine, bool bidiControls)
    {
        var rest = text.AsSpan();
        while (!rest.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(rest, out var rune, out var used) != OperationStatus.Done)
                return "is not valid Unicode text (it has a lone surrogate)";
            rest = rest[used..];
            var value = rune.Value;
            if (value is '\n' or '\r' or 0x2028 or 0x2029 && !multiLine) return "must be a single line";
            if (value is '\n' or '\t' && multiLine) continue;
            if (Rune.GetUnicodeCategory(rune) == UnicodeCategory.Control || value is 0x2028 or 0x2029)
                return $"must not contain control characters ({Name(value)})";
            if (IsNoncharacter(value)) return $"must not contain noncharacters ({Name(value)})";
            if (!bidiControls && IsBidiControl(value)) return $"must not contain bidirectional controls ({Name(value)})";
        }
        return null;
    }

    /// <summary>Characters that reorder the text around them: ALM, LRM, RLM, the embeddings, overrides and isolates.</summary>
    public static bool IsBidiControl(int value) => value is 0x061C or 0x200E or 0x200F or >= 0x202A and <= 0x202E or >= 0x2066 and <= 0x2069;

    /// <summary>Code points Unicode keeps out of interchange for good: U+FDD0–U+FDEF and the last two of every plane.</summary>
    public static bool IsNoncharacter(int value) => value is >= 0xFDD0 and <= 0xFDEF || (value & 0xFFFE) == 0xFFFE;

    public static string Name(int value) => string.Create(CultureInfo.InvariantCulture, $"U+{value:X4}");
}
