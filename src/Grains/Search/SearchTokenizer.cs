using System.Globalization;
using System.Text;

namespace Community.Grains.Search;

/// <summary>
/// Turns text into the tokens message search indexes and queries, the same way for both: each
/// character (grapheme) folded as the directory folds (NFKC, so full-width Latin and half-width
/// kana meet their usual forms, then lower case); runs of letters and digits become words; runs of
/// Japanese or Chinese characters, written without spaces, become overlapping pairs followed by
/// the run's last character (「忘年会」 → 忘年, 年会, 会), a lone one staying as it is; everything else
/// separates tokens. A query of two characters or more is then a phrase of these tokens, whatever
/// the script: the pairs find a word anywhere in a run, and the last character lets a query go on
/// past the run's end (「会lunch」 in 「忘年会lunch」) and lets a lone character find its run's end.
/// </summary>
public static class SearchTokenizer
{
    /// <summary>Longer words are cut to this many UTF-16 units, in the index and the query alike.</summary>
    public const int MaxWordLength = 64;

    public static IReadOnlyList<SearchToken> Tokenize(string text)
    {
        var tokens = new List<SearchToken>();
        var run = new Run(tokens);
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            var start = elements.ElementIndex;
            var element = elements.GetTextElement();
            var folded = Fold(element);
            foreach (var rune in folded.EnumerateRunes())
                run.Add(rune, start, start + element.Length);
        }
        run.Flush();
        return tokens;
    }

    /// <summary>The text with only its tokens, separated by spaces: what an index is given.</summary>
    public static string Joined(string? text) =>
        text is null ? "" : string.Join(' ', Tokenize(text).Select(t => t.Value));

    private static string Fold(string element)
    {
        var folded = element.IsNormalized(NormalizationForm.FormKC) ? element : element.Normalize(NormalizationForm.FormKC);
        return folded.ToLowerInvariant();
    }

    private enum Kind { None, Word, Ideographic }

    private static Kind KindOf(Rune rune)
    {
        if (IsIdeographic(rune.Value)) return Kind.Ideographic;
        return Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
                or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber => Kind.Word,
            _ => Kind.None,
        };
    }

    private static bool IsMark(Rune rune) => Rune.GetUnicodeCategory(rune) is
        UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;

    /// <summary>Scripts written without spaces between words: kanji, hiragana, katakana (with ー, 々, 〆).</summary>
    private static bool IsIdeographic(int c) =>
        c is >= 0x3040 and <= 0x30FF       // hiragana, katakana, ー
            or >= 0x31F0 and <= 0x31FF     // katakana phonetic extensions
            or >= 0x3005 and <= 0x3007     // 々 〆 〇
            or 0x303B                      // 〻
            or >= 0x3400 and <= 0x4DBF     // CJK extension A
            or >= 0x4E00 and <= 0x9FFF     // CJK unified ideographs
            or >= 0xF900 and <= 0xFAFF     // CJK compatibility ideographs
            or >= 0x20000 and <= 0x3FFFF;  // CJK extensions B and on

    /// <summary>The run of one kind being read: characters with the span of the original each came from.</summary>
    private sealed class Run(List<SearchToken> tokens)
    {
        private readonly List<(string Text, int Start, int End)> _units = [];
        private Kind _kind;

        public void Add(Rune rune, int start, int end)
        {
            if (IsMark(rune))
            {
                // A combining mark stays with the character before it; alone it is nothing to find.
                if (_units.Count > 0) _units[^1] = ((_units[^1].Text + rune).Normalize(NormalizationForm.FormC), _units[^1].Start, end);
                return;
            }
            var kind = KindOf(rune);
            if (kind != _kind) Flush();
            _kind = kind;
            if (kind != Kind.None) _units.Add((rune.ToString(), start, end));
        }

        public void Flush()
        {
            if (_units.Count > 0)
            {
                if (_kind == Kind.Word) AddWord();
                else AddPairs();
            }
            _units.Clear();
            _kind = Kind.None;
        }

        private void AddWord()
        {
            var word = string.Concat(_units.Select(u => u.Text));
            if (word.Length > MaxWordLength) word = word[..(char.IsHighSurrogate(word[MaxWordLength - 1]) ? MaxWordLength - 1 : MaxWordLength)];
            tokens.Add(new SearchToken(word, _units[0].Start, _units[^1].End, Open: true));
        }

        private void AddPairs()
        {
            if (_units.Count == 1)
            {
                tokens.Add(new SearchToken(_units[0].Text, _units[0].Start, _units[0].End, Open: true));
                return;
            }
            for (var i = 0; i + 1 < _units.Count; i++)
                tokens.Add(new SearchToken(_units[i].Text + _units[i + 1].Text, _units[i].Start, _units[i + 1].End, Open: false));
            tokens.Add(new SearchToken(_units[^1].Text, _units[^1].Start, _units[^1].End, Open: true, RunEnd: true));
        }
    }
}
