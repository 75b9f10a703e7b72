using System.Globalization;
using System.Text;
using Community.Grains.Errors;

namespace Community.Grains.Text;

/// <summary>
/// What one kind of free text may hold, and how long it may be: <c>name</c> (a person's, a room's:
/// one line, no bidirectional controls), <c>line</c> (any other one-line text) or <c>text</c>
/// (several lines: newline and tab allowed). Every kind is Unicode-checked (no lone surrogates,
/// control characters or noncharacters), normalised to NFC, and limited three ways: in graphemes
/// (what a reader counts as characters), in UTF-8 bytes, and in combining marks per grapheme.
/// </summary>
public sealed record TextRule(string Kind, int MinGraphemes, int MaxGraphemes, bool MultiLine, bool BidiControls)
{
    /// <summary>
    /// Combining marks one grapheme may carry. Living scripts in NFC need at most three (Devanagari,
    /// Thai; a keycap emoji has two); more only stack marks on a letter to spill over the lines around it.
    /// </summary>
    public const int MaxMarksPerGrapheme = 4;

    /// <summary>UTF-8 bytes per grapheme of the limit: every kana, kanji or single emoji fits; long emoji sequences spend it faster.</summary>
    public const int BytesPerGrapheme = 4;

    public int MaxBytes => MaxGraphemes * BytesPerGrapheme;

    /// <summary>Names of people, rooms and packs: one line, no bidirectional controls.</summary>
    public static TextRule Name(int min, int max) => new("name", min, max, MultiLine: false, BidiControls: false);

    /// <summary>Other one-line text: headlines, topics, tags, reasons, searches.</summary>
    public static TextRule Line(int min, int max) => new("line", min, max, MultiLine: false, BidiControls: true);

    /// <summary>Text of several lines: messages and bios.</summary>
    public static TextRule Text(int min, int max) => new("text", min, max, MultiLine: true, BidiControls: true);

    /// <summary>
    /// The value as it is kept: NFC, CRLF as LF, one-line text trimmed; or <c>invalid</c> naming
    /// <paramref name="field"/> and what is wrong. Null is refused when the field is required, else kept as "".
    /// </summary>
    public string Check(string? value, string field)
    {
        if (value is null)
            return MinGraphemes > 0 ? throw CommunityException.Invalid(field, "is required") : "";
        // Far past any limit: refused before the work below, whatever normalisation would make of it.
        if (value.Length > MaxBytes * 4) throw TooLong(field);
        var text = Normalised(value, field);
        if (text.Length == 0 || (MultiLine && string.IsNullOrWhiteSpace(text)))
        {
            if (MinGraphemes > 0) throw CommunityException.Invalid(field, "is required");
            return "";
        }
        var graphemes = Graphemes.Count(text, MaxMarksPerGrapheme, out var marksOverLimit);
        if (marksOverLimit)
            throw CommunityException.Invalid(field, $"a character carries more than {MaxMarksPerGrapheme} combining marks");
        if (graphemes < MinGraphemes) throw CommunityException.Invalid(field, $"must be at least {MinGraphemes} characters");
        if (graphemes > MaxGraphemes) throw TooLong(field);
        if (Encoding.UTF8.GetByteCount(text) > MaxBytes)
            throw CommunityException.Invalid(field, $"must be at most {MaxBytes} bytes in UTF-8");
        return text;
    }

    /// <summary>For a partial update: null stays null (the field is left as it is), anything else is checked.</summary>
    public string? CheckOptional(string? value, string field) => value is null ? null : Check(value, field);

    /// <summary>How the API reference names the rule: <c>text rule `name` (1–64 graphemes, ≤ 256 UTF-8 bytes, single line, NFC)</c>.</summary>
    public string Describe() =>
        string.Create(CultureInfo.InvariantCulture,
            $"text rule `{Kind}` ({MinGraphemes}–{MaxGraphemes:N0} graphemes, ≤ {MaxBytes:N0} UTF-8 bytes, {(MultiLine ? "newlines and tabs allowed" : "single line")}, NFC)");

    private string Normalised(string value, string field)
    {
        var text = MultiLine ? value.Replace("\r\n", "\n", StringComparison.Ordinal) : value;
        if (Characters.FirstRefused(text, MultiLine, BidiControls) is { } refused) throw CommunityException.Invalid(field, refused);
        if (!text.IsNormalized(NormalizationForm.FormC)) text = text.Normalize(NormalizationForm.FormC);
        return MultiLine ? text : text.Trim();
    }

    private CommunityException TooLong(string field) => CommunityException.Invalid(field, $"must be at most {MaxGraphemes} characters");
}
