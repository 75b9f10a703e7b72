namespace Community.Gateway.Auth;

/// <summary>
/// A short, readable name for the device a session signed in from, read from its User-Agent:
/// "Safari · iPhone", "Chrome · Windows", "LINE · Android", or the program's own name ("curl").
/// Only names from the lists below, or a program name of plain letters and digits, come out.
/// </summary>
internal static class DeviceLabel
{
    private const int ProgramNameMax = 40;

    // Order matters: Edge and Opera say "Chrome" too, Chrome says "Safari", in-app browsers say both.
    private static readonly (string Marker, string Name)[] Browsers =
    [
        (" Line/", "LINE"), ("Edg/", "Edge"), ("EdgiOS/", "Edge"), ("EdgA/", "Edge"), ("OPR/", "Opera"),
        ("SamsungBrowser/", "Samsung Internet"), ("Firefox/", "Firefox"), ("FxiOS/", "Firefox"), ("CriOS/", "Chrome"),
        ("Chrome/", "Chrome"), ("Version/", "Safari"),
    ];

    private static readonly (string Marker, string Name)[] Systems =
    [
        ("iPhone", "iPhone"), ("iPad", "iPad"), ("Android", "Android"), ("Windows", "Windows"), ("CrOS", "ChromeOS"),
        ("Macintosh", "Mac"), ("Mac OS X", "Mac"), ("Linux", "Linux"),
    ];

    /// <summary>The label, or null when the client sent no User-Agent.</summary>
    public static string? Of(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent)) return null;
        var browser = First(Browsers, userAgent);
        var system = First(Systems, userAgent);
        if (browser is not null && system is not null) return $"{browser} · {system}";
        return browser ?? system ?? ProgramName(userAgent);
    }

    private static string? First((string Marker, string Name)[] names, string userAgent) =>
        names.FirstOrDefault(n => userAgent.Contains(n.Marker, StringComparison.Ordinal)).Name;

    /// <summary>The first product token ("curl" of "curl/8.5.0"), when it is plain enough to show.</summary>
    private static string? ProgramName(string userAgent)
    {
        var end = userAgent.IndexOfAny(['/', ' ', '(']);
        var name = (end < 0 ? userAgent : userAgent[..end]).Trim();
        if (name.Length is 0 or > ProgramNameMax) return null;
        return name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_') ? name : null;
    }
}
