using System.Globalization;
using CsCheck;

namespace Community.Tests.Gateway.WildInput;

/// <summary>
/// Generators of what a careless or hostile client sends: Unicode of every sort (NUL and other
/// controls, lone surrogates, combining-mark piles, right-to-left text, emoji, very long strings),
/// numbers at and past every limit, and JSON of the wrong shape.
/// </summary>
public static class WildValues
{
    private static readonly string[] Pieces =
    [
        "\0", "\u0007", "\u001B[31m", "\u007F", "\u0085", "\u009B", "\n", "\r", "\r\n", "\t", "\u2028", "\u2029",
        "\u202E", "\u200F", "\u2066", "\u200B", "\uFEFF", "\uD800", "\uDFFF", "\uDC00\uD800", "\uFFFF", "\uFDD0", "\U0010FFFF",
        "\u0301", "\u0301\u0302\u0303\u0304\u0305\u0306", "e\u0301", "\u304B\u3099", "👍", "👍🏽", "👨‍👩‍👧", "🇯🇵", "1️⃣",
        "العربية", "שלום", "ｈａｎａｋｏ", "Ａ", "山田", "　", " ", "%", "/", "\\", "\"", "'", "<script>", "&amp;", "?", "#", "=", "+",
        "m_", "r_", "d_", "broadcast", "stamp:", "stamp:default.arigatou", "default.arigatou", "@alice", "going", "public", "room",
    ];

    /// <summary>Text of every kind, mostly short, sometimes very long.</summary>
    public static readonly Gen<string> Text = Gen.Frequency(
        (3, Gen.Char['a', 'z'].Array[1, 12].Select(chars => new string(chars))),
        (2, Gen.Char['\u3041', '\u30FF'].Array[1, 10].Select(chars => new string(chars))),
        (5, Gen.OneOf(Pieces).Array[1, 6].Select(parts => string.Concat(parts))),
        (1, Gen.Select(Gen.OneOf(Pieces), Gen.Int[50, 10_000], (piece, times) => string.Concat(Enumerable.Repeat(piece, times)))),
        (1, Gen.Char.Array[0, 40].Select(chars => new string(chars))),
        (1, Gen.Const("")));

    /// <summary>Numbers at and past the limits of every numeric field.</summary>
    public static readonly Gen<string> Number = Gen.Frequency(
        (3, Gen.Int[-3, 120].Select(n => n.ToString(CultureInfo.InvariantCulture))),
        (1, Gen.Long.Select(n => n.ToString(CultureInfo.InvariantCulture))),
        (1, Gen.OneOf("0", "-1", "2147483648", "9223372036854775807", "9223372036854775808", "-9223372036854775809",
            "1e30", "1.5", "-0", "1e-320", "1E+400", "0x10", "00012")));

    /// <summary>Any JSON value: strings, numbers, null, booleans, arrays and objects of them.</summary>
    public static readonly Gen<string> Json = Gen.Frequency(
        (6, Text.Select(RawJson.String)),
        (2, Number.Where(n => !n.StartsWith("0x", StringComparison.Ordinal) && n != "00012")),
        (1, Gen.OneOf("null", "true", "false", "{}", "[]")),
        (1, Text.Select(RawJson.String).Array[0, 4].Select(RawJson.Array)),
        (1, Gen.Select(Text, Text, (name, value) => RawJson.Object([(name, RawJson.String(value))]))));

    /// <summary>A value for a field: plausible ones (to pass the other checks and reach deeper) mixed with wild ones.</summary>
    public static Gen<string?> Field(params string[] plausible) => Gen.Frequency(
        (3, Gen.OneOf(plausible).Select(p => (string?)p)),
        (6, Json.Select(j => (string?)j)),
        (1, Gen.Const((string?)null)));

    /// <summary>A value for a URL's path or query: plausible ones mixed with wild text.</summary>
    public static Gen<string> UrlValue(params string[] plausible) => Gen.Frequency(
        (3, Gen.OneOf(plausible)),
        (6, Text));
}
