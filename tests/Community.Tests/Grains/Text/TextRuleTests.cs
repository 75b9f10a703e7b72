using System.Text;
using Community.Grains.Errors;
using ErrorCode = Community.Grains.Errors.ErrorCode;
using Community.Grains.Text;

namespace Community.Tests.Grains.Text;

public sealed class TextRuleTests
{
    private static readonly TextRule Name = TextRule.Name(1, 10);
    private static readonly TextRule Line = TextRule.Line(0, 10);
    private static readonly TextRule Body = TextRule.Text(1, 10);

    [Theory]
    [InlineData("\0")]
    [InlineData("\u0007")]
    [InlineData("\u001B")]
    [InlineData("\u007F")]
    [InlineData("\u0085")]
    [InlineData("\u009B")]
    public void Control_characters_are_refused_in_every_kind(string control)
    {
        foreach (var rule in new[] { Name, Line, Body })
            AssertRefused(rule, $"a{control}b", "control characters");
    }

    [Theory]
    [InlineData("a\nb")]
    [InlineData("a\rb")]
    [InlineData("a\r\nb")]
    [InlineData("ab\n")]
    [InlineData("a\u2028b")]
    [InlineData("a\u2029b")]
    public void One_line_kinds_refuse_line_breaks_wherever_they_are(string text)
    {
        AssertRefused(Name, text, "single line");
        AssertRefused(Line, text, "single line");
    }

    [Fact]
    public void Tabs_are_refused_in_one_line_kinds_and_kept_in_text()
    {
        AssertRefused(Name, "a\tb", "control characters");
        Assert.Equal("a\tb", Body.Check("a\tb", "f"));
    }

    [Fact]
    public void Text_keeps_newlines_and_takes_crlf_as_lf_but_refuses_a_lone_cr()
    {
        Assert.Equal("a\nb\nc", Body.Check("a\nb\r\nc", "f"));
        AssertRefused(Body, "a\rb", "control characters");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void Lone_surrogates_are_refused(int which)
    {
        // Built here: a lone surrogate does not survive the test runner's serialisation of theory data.
        var text = which switch { 0 => "\uD800", 1 => "a\uDC00b", _ => "\uDC00\uD800" };
        AssertRefused(Line, text, "not valid Unicode");
        AssertRefused(Body, text, "not valid Unicode");
    }

    [Theory]
    [InlineData("\uFFFF")]
    [InlineData("\uFDD0")]
    [InlineData("\U0001FFFE")]
    public void Noncharacters_are_refused(string text) => AssertRefused(Line, "a" + text, "noncharacters");

    [Theory]
    [InlineData("\u202E")]
    [InlineData("\u202D")]
    [InlineData("\u2066")]
    [InlineData("\u200F")]
    public void Names_refuse_bidirectional_controls_and_other_kinds_keep_them(string control)
    {
        AssertRefused(Name, $"abc{control}def", "bidirectional");
        Assert.Equal($"abc{control}def", Line.Check($"abc{control}def", "f"));
    }

    [Fact]
    public void Text_is_kept_in_nfc()
    {
        var decomposed = "e\u0301"; // é as e + combining acute
        var composed = "\u00E9";

        Assert.Equal(composed, Name.Check(decomposed, "f"));
        Assert.Equal("\u304C", Body.Check("\u304B\u3099", "f")); // が from か + combining dakuten
    }

    [Fact]
    public void One_line_kinds_are_trimmed_of_spaces_of_every_width_and_text_is_not()
    {
        Assert.Equal("山田", Name.Check("\u3000 山田 \u00A0", "f"));
        Assert.Equal("  indented", Body.Check("  indented", "f"));
    }

    [Fact]
    public void Blank_is_empty_and_empty_is_refused_where_the_field_is_required()
    {
        AssertRefused(Name, "   ", "is required");
        AssertRefused(Body, " \n\t ", "is required");
        AssertRefused(Name, null, "is required");
        Assert.Equal("", Line.Check("   ", "f"));
        Assert.Equal("", Line.Check(null, "f"));
        Assert.Null(Line.CheckOptional(null, "f"));
    }

    [Fact]
    public void Length_is_counted_in_graphemes()
    {
        var family = "\U0001F468\u200D\U0001F469\u200D\U0001F467"; // one grapheme of five code points, 18 UTF-8 bytes
        var flags = string.Concat(Enumerable.Repeat("🇯🇵", 10));

        Assert.Equal(10, Graphemes.Count(flags, 4, out _));
        Assert.Equal(flags, TextRule.Line(10, 20).Check(flags, "f"));
        Assert.Equal(2, Graphemes.Count(family + family, 4, out _));
        Assert.Equal(family + family, TextRule.Line(2, 10).Check(family + family, "f"));
        AssertRefused(Name, "12345678901", "at most 10 characters");
        AssertRefused(TextRule.Name(3, 10), "ab", "at least 3 characters");
    }

    [Fact]
    public void Length_is_limited_in_utf8_bytes_as_well()
    {
        var rule = TextRule.Line(0, 4); // ≤ 16 bytes
        var family = "\U0001F468\u200D\U0001F469\u200D\U0001F467"; // 18 bytes in UTF-8

        Assert.Equal("山田太郎", rule.Check("山田太郎", "f"));
        Assert.Equal("👍👍👍👍", rule.Check("👍👍👍👍", "f"));
        AssertRefused(rule, family, "bytes in UTF-8");
    }

    [Fact]
    public void One_letter_with_many_combining_marks_is_refused()
    {
        var zalgo = "a" + new string('\u0301', 9_999);
        // q composes with none of these, so NFC leaves every mark in place.
        var five = "q\u0300\u0301\u0302\u0303\u0304";
        var four = "q\u0300\u0301\u0302\u0303";

        AssertRefused(TextRule.Name(1, 64), zalgo, "at most 64 characters");
        AssertRefused(TextRule.Text(1, 4000), zalgo, "combining marks");
        AssertRefused(Name, five, "combining marks");
        Assert.Equal(four.Normalize(NormalizationForm.FormC), Name.Check(four, "f"));
    }

    [Theory]
    [InlineData("1️⃣")]
    [InlineData("👁️‍🗨️")]
    [InlineData("क्षि")]
    [InlineData("ที่")]
    [InlineData("Tiếng Việt")]
    public void Scripts_and_emoji_with_marks_in_use_are_accepted(string text) =>
        Assert.Equal(text.Normalize(NormalizationForm.FormC), TextRule.Name(1, 20).Check(text, "f"));

    [Fact]
    public void A_refusal_names_the_field()
    {
        var error = Assert.Throws<CommunityException>(() => Name.Check("a\0", "displayName"));

        Assert.Equal(ErrorCode.Invalid, error.Code);
        Assert.StartsWith("displayName: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_rule_describes_itself_for_the_api_reference()
    {
        Assert.Equal("text rule `name` (1–64 graphemes, ≤ 256 UTF-8 bytes, single line, NFC)", TextRule.Name(1, 64).Describe());
        Assert.Equal("text rule `text` (1–4,000 graphemes, ≤ 16,000 UTF-8 bytes, newlines and tabs allowed, NFC)", TextRule.Text(1, 4000).Describe());
    }

    private static void AssertRefused(TextRule rule, string? text, string problem)
    {
        var error = Assert.Throws<CommunityException>(() => rule.Check(text, "field"));
        Assert.Equal(ErrorCode.Invalid, error.Code);
        Assert.True(error.Message.Contains(problem, StringComparison.Ordinal), $"expected '{problem}' in: {error.Message}");
    }
}
