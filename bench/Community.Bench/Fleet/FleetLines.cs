using System.Globalization;

namespace Community.Bench.Fleet;

/// <summary>
/// The lines a fleet process and its parent exchange: the child writes <c>progress connected failed</c>
/// while connecting, then <c>connected count failed ticks first-error</c> (ticks: connecting all but
/// the first); the parent writes <c>report seq seconds</c>, and the child answers, once every
/// connection has heard that message of the watched room (or the seconds are up),
/// <c>delivered count first-arrival last-arrival read presence-events</c> (Stopwatch timestamps: one
/// monotonic clock for every process of the machine; the presence events heard so far in all).
/// </summary>
internal static class FleetLines
{
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
