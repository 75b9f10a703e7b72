using System.Security.Cryptography;
using System.Text.RegularExpressions;
using System.Xml;
using Community.Grains.Errors;
using Community.Grains.Stamps;

namespace Community.Gateway.Stamps;

/// <summary>
/// Accepts PNG, WebP and SVG stamp images up to 256 KB, told apart by their content, not their
/// name. An SVG that could run script or load anything from elsewhere is refused.
/// </summary>
internal static partial class StampImageCheck
{
    public const int MaxBytes = 256 * 1024;

    private static readonly HashSet<string> ForbiddenElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "foreignObject", "iframe", "embed", "object", "audio", "video", "handler", "listener", "style",
    };

    public static StampImage Check(string fileName, byte[] bytes)
    {
        if (bytes.Length == 0) throw CommunityException.Invalid("files", $"{fileName} is empty");
        if (bytes.Length > MaxBytes) throw CommunityException.TooLarge($"{fileName} is over {MaxBytes / 1024} KB");
        var contentType = IsPng(bytes) ? "image/png"
            : IsWebP(bytes) ? "image/webp"
            : IsSafeSvg(fileName, bytes) ? "image/svg+xml"
            : throw CommunityException.Invalid("files", $"{fileName} is not a PNG, WebP or SVG image");
        return new StampImage(contentType, bytes, Convert.ToHexStringLower(SHA256.HashData(bytes))[..16]);
    }

    private static bool IsPng(byte[] b) => b.Length > 8 && b[0] == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G';

    private static bool IsWebP(byte[] b) => b.Length > 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F'
        && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P';

    private static bool IsSafeSvg(string fileName, byte[] bytes)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        var sawSvg = false;
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(bytes), settings);
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.ProcessingInstruction && reader.Name != "xml")
                    throw Unsafe(fileName, "a processing instruction");
                if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA && LoadsFromElsewhere(reader.Value))
                    throw Unsafe(fileName, "a style that loads from outside the image");
                if (reader.NodeType != XmlNodeType.Element) continue;
                if (!sawSvg && reader.LocalName != "svg") return false;
                sawSvg = true;
                if (ForbiddenElements.Contains(reader.LocalName)) throw Unsafe(fileName, $"a <{reader.LocalName}> element");
                for (var more = reader.MoveToFirstAttribute(); more; more = reader.MoveToNextAttribute())
                {
                    if (reader.LocalName.StartsWith("on", StringComparison.OrdinalIgnoreCase)) throw Unsafe(fileName, $"an {reader.LocalName} handler");
                    var value = reader.Value.Trim();
                    if (reader.LocalName == "href" && !value.StartsWith('#') && !value.StartsWith("data:image/png", StringComparison.Ordinal))
                        throw Unsafe(fileName, "a link to outside the image");
                    if (value.Contains("javascript:", StringComparison.OrdinalIgnoreCase) || LoadsFromElsewhere(value))
                        throw Unsafe(fileName, "a script or outside reference");
                }
                reader.MoveToElement();
            }
        }
        catch (XmlException)
        {
            return false;
        }
        return sawSvg;
    }

    /// <summary>CSS that fetches something: <c>@import</c>, or a <c>url(…)</c> that is not a fragment of the image itself.</summary>
    private static bool LoadsFromElsewhere(string text) =>
        text.Contains("@import", StringComparison.OrdinalIgnoreCase) || OutsideUrl().IsMatch(text);

    [GeneratedRegex(@"url\(\s*['""]?\s*(?!#)", RegexOptions.IgnoreCase)]
    private static partial Regex OutsideUrl();

    private static CommunityException Unsafe(string fileName, string what) =>
        CommunityException.Invalid("files", $"{fileName} is refused: the SVG carries {what}");
}
