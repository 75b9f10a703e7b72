using System.Text;

namespace Community.Silo.Mail;

/// <summary>The pieces e-mails are written from: a message's first lines, and the two languages put together.</summary>
internal static class MailText
{
    private const int FirstLinesMax = 2;
    private const int FirstLinesLength = 140;

    /// <summary>The first lines of a message's text, shortened with an ellipsis.</summary>
    public static string FirstLines(string text)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var shown = string.Join(" / ", lines.Take(FirstLinesMax));
        var cut = lines.Length > FirstLinesMax;
        if (shown.Length > FirstLinesLength)
        {
            var end = FirstLinesLength;
            if (char.IsHighSurrogate(shown[end - 1])) end--;
            shown = shown[..end];
            cut = true;
        }
        return cut ? shown + "…" : shown;
    }

    /// <summary>The body in the member's language, or (language unknown) Japanese with English below.</summary>
    public static string Body(string? language, Func<bool, string> write) => language switch
    {
        "ja" => write(true),
        "en" => write(false),
        _ => new StringBuilder(write(true)).Append("\n\n---- English ----\n\n").Append(write(false)).ToString(),
    };

    /// <summary>The subject in the member's language, or both.</summary>
    public static string Subject(string? language, string japanese, string english) => language switch
    {
        "ja" => japanese,
        "en" => english,
        _ => $"{japanese} / {english}",
    };
}
