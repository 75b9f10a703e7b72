using System.Collections.Frozen;
using System.Text;

namespace Community.Grains.Text;

/// <summary>
/// A skeleton in the manner of Unicode's confusable detection (UTS #39), cut to what handles can
/// meet: lower case, Latin letters and digits that pass for each other (0/o, 1/l, rn/m, vv/w, cl/d),
/// the separators _ . - as one, and the Cyrillic and Greek letters that look Latin. Two strings
/// with the same skeleton are taken to look alike.
/// </summary>
public static class Confusables
{
    /// <summary>The sequences read as one letter, replaced in this order after the single characters.</summary>
    /// <remarks>The handle key's migration spells the same replacements in SQL: keep them in step.</remarks>
    public static readonly IReadOnlyList<(string From, string To)> Sequences = [("rn", "m"), ("vv", "w"), ("cl", "d")];

    private static readonly FrozenDictionary<char, char> Single = new Dictionary<char, char>
    {
        ['0'] = 'o', ['1'] = 'l', ['_'] = '.', ['-'] = '.',
        // Cyrillic
        ['а'] = 'a', ['с'] = 'c', ['ԁ'] = 'd', ['е'] = 'e', ['ё'] = 'e', ['һ'] = 'h', ['і'] = 'i', ['ї'] = 'i', ['ј'] = 'j',
        ['к'] = 'k', ['ӏ'] = 'l', ['о'] = 'o', ['р'] = 'p', ['ԛ'] = 'q', ['ѕ'] = 's', ['у'] = 'y', ['ԝ'] = 'w', ['х'] = 'x',
        ['ү'] = 'y',
        // Greek
        ['α'] = 'a', ['ε'] = 'e', ['η'] = 'n', ['ι'] = 'i', ['κ'] = 'k', ['ν'] = 'v', ['ο'] = 'o', ['ρ'] = 'p', ['υ'] = 'u',
        ['χ'] = 'x', ['γ'] = 'y', ['ω'] = 'w',
        // Latin letters of other shapes
        ['ɡ'] = 'g', ['ı'] = 'i', ['ɑ'] = 'a',
    }.ToFrozenDictionary();

    /// <summary>NFKC; text that is not valid Unicode (a lone surrogate in a value stored before the rules) has no normal form and stays as it is.</summary>
    private static string NormalizedIfValid(string text)
    {
        try
        {
            return text.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            return text;
        }
    }

    public static string Skeleton(string text)
    {
        var folded = NormalizedIfValid(text).ToLowerInvariant();
        var builder = new StringBuilder(folded.Length);
        foreach (var c in folded) builder.Append(Single.GetValueOrDefault(c, c));
        var skeleton = builder.ToString();
        foreach (var (from, to) in Sequences) skeleton = skeleton.Replace(from, to, StringComparison.Ordinal);
        return skeleton;
    }
}
