using System.Globalization;
using System.Text;

namespace Community.Tests.Gateway.WildInput;

/// <summary>
/// JSON text written by hand, so that any UTF-16 string goes over the wire as it is, lone
/// surrogates included (a JSON library refuses to write those): every character outside
/// printable ASCII as a \u escape.
/// </summary>
public static class RawJson
{
    public static string String(string value)
    {
        var json = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            if (c is '"' or '\\') json.Append('\\').Append(c);
            else if (c is >= ' ' and <= '~') json.Append(c);
            else json.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
        }
        return json.Append('"').ToString();
    }

    public static string Object(IEnumerable<(string Name, string Json)> members) =>
        "{" + string.Join(",", members.Select(m => $"{String(m.Name)}:{m.Json}")) + "}";

    public static string Array(IEnumerable<string> items) => "[" + string.Join(",", items) + "]";

    /// <summary>A URL path segment or query value: the string's UTF-8 percent-encoded, a lone surrogate as the bytes WTF-8 gives it.</summary>
    public static string UrlEncoded(string value)
    {
        var url = new StringBuilder();
        for (var i = 0; i < value.Length; i++)
        {
            int codePoint = value[i];
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])) codePoint = char.ConvertToUtf32(value[i], value[++i]);
            if (codePoint is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '-' or '_' or '~') url.Append((char)codePoint);
            else foreach (var b in Wtf8(codePoint)) url.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }
        return url.ToString();
    }

    private static byte[] Wtf8(int codePoint) => codePoint switch
    {
        < 0x80 => [(byte)codePoint],
        < 0x800 => [(byte)(0xC0 | codePoint >> 6), (byte)(0x80 | codePoint & 0x3F)],
        < 0x10000 => [(byte)(0xE0 | codePoint >> 12), (byte)(0x80 | codePoint >> 6 & 0x3F), (byte)(0x80 | codePoint & 0x3F)],
        _ => [(byte)(0xF0 | codePoint >> 18), (byte)(0x80 | codePoint >> 12 & 0x3F), (byte)(0x80 | codePoint >> 6 & 0x3F), (byte)(0x80 | codePoint & 0x3F)],
    };
}
