using System.Globalization;

namespace Community.Bench.Fleet;

/// <summary>
/// The lines a fleet process and its parent exchange: the child writes <c>progress connected failed</c>
/// while connecting, then <c>connected count failed ticks presence-events first-error</c> (ticks: connecting all but the first); the parent writes
/// <c>quiet seconds</c>, and the child answers <c>quiet presence-events last-presence-event</c> once no
/// presence event has come for <see cref="QuietWindow"/>; or <c>report seconds</c>, and the child answers
/// <c>delivered count first-arrival last-arrival read</c> (Stopwatch timestamps: one monotonic clock for
/// every process of the machine). The seconds bound each wait.
/// </summary>
internal static class FleetLines
{
    public static readonly TimeSpan QuietWindow = TimeSpan.FromSeconds(3);

    public const string Quiet = "quiet";
    public const string Progress = "progress";
    public const string Connected = "connected";
    public const string Report = "report";
    public const string Delivered = "delivered";

    public static void Write(string kind, params object[] values)
    {
        Console.Out.WriteLine(string.Join(' ', [kind, .. values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture))]));
        Console.Out.Flush();
    }

    public static long Long(string value) => long.Parse(value, CultureInfo.InvariantCulture);
}
