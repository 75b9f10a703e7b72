using System.Globalization;
using System.Text;

namespace Community.Grains.Text;

/// <summary>Counts what a reader sees as characters: extended grapheme clusters (UAX #29).</summary>
public static class Graphemes
{
    /// <summary>
    /// The number of graphemes in <paramref name="text"/>; <paramref name="marksOverLimit"/> says
    /// whether one of them carries more than <paramref name="maxMarks"/> combining marks.
    /// </summary>
    public static int Count(string text, int maxMarks, out bool marksOverLimit)
    {
        marksOverLimit = false;
        var count = 0;
        var rest = text.AsSpan();
        while (!rest.IsEmpty)
        {
            var length = StringInfo.GetNextTextElementLength(rest);
            if (MarksIn(rest[..length]) > maxMarks) marksOverLimit = true;
            rest = rest[length..];
            count++;
        }
        return count;
    }

    private static int MarksIn(ReadOnlySpan<char> grapheme)
    {
        var marks = 0;
        foreach (var rune in grapheme.EnumerateRunes())
        {
            if (Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
                marks++;
        }
        return marks;
    }
}
