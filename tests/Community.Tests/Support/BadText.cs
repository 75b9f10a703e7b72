namespace Community.Tests.Support;

/// <summary>Text that breaks the text rules, by what is wrong with it, for tests that name the field it is sent in.</summary>
public static class BadText
{
    /// <summary>What every kind of text refuses.</summary>
    public static readonly TheoryData<string> Always = ["nul", "bel", "esc", "del", "c1", "noncharacter", "combining-flood", "over-bytes"];

    /// <summary>What one-line text refuses besides.</summary>
    public static readonly TheoryData<string> OneLine = ["nul", "bel", "esc", "del", "c1", "noncharacter", "combining-flood", "over-bytes", "newline", "cr", "tab", "line-separator"];

    /// <summary>What names refuse besides.</summary>
    public static readonly TheoryData<string> Name = ["nul", "bel", "esc", "del", "c1", "noncharacter", "combining-flood", "over-bytes", "newline", "cr", "tab", "line-separator", "bidi-override"];

    /// <summary>What one-line text in a URL's query refuses (each short enough for a request line).</summary>
    public static readonly TheoryData<string> Query = ["nul", "bel", "esc", "del", "c1", "noncharacter", "combining-pile", "newline", "cr", "tab", "line-separator"];

    /// <summary>Ids of no possible shape.</summary>
    public static readonly TheoryData<string> Id = ["nul", "blank", "space", "newline", "long", "non-ascii"];

    /// <summary>The text of one kind of fault; <paramref name="maxGraphemes"/> sizes the one that is over its bytes.</summary>
    public static string Of(string why, int maxGraphemes = 64) => why switch
    {
        "nul" => "Ta\0ro",
        "bel" => "Ta\u0007ro",
        "esc" => "Ta\u001B[31mro",
        "del" => "Ta\u007Fro",
        "c1" => "Ta\u009Bro",
        "noncharacter" => "Ta\uFFFEro",
        // One letter and 9,999 combining marks: one grapheme, 20 KB.
        "combining-flood" => "T" + new string('\u0301', 9_999),
        // Within the graphemes, over the bytes: あ with a combining dakuten is one grapheme of 6 UTF-8 bytes (NFC has no precomposed form).
        "over-bytes" => string.Concat(Enumerable.Repeat("\u3042\u3099", maxGraphemes)),
        // A smaller pile, short enough for a URL: one letter and five marks no letter composes with.
        "combining-pile" => "q\u0300\u0301\u0302\u0303\u0304",
        "newline" => "Taro\n",
        "cr" => "Ta\rro",
        "tab" => "Ta\tro",
        "line-separator" => "Ta\u2028ro",
        "bidi-override" => "Taro\u202Egnp.exe",
        "blank" => "   ",
        "space" => "r_a b",
        "long" => new string('r', 10_000),
        "non-ascii" => "r_ä",
        _ => throw new ArgumentOutOfRangeException(nameof(why), why, null),
    };
}
