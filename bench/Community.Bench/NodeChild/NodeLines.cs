using System.Globalization;

namespace Community.Bench.NodeChild;

/// <summary>
/// The lines a node process (<see cref="NodeProcess"/>) and its parent exchange. The child writes <c>ready base-address
/// database-file</c> once its node listens, then every few milliseconds <c>gc timestamp pause-ticks gen2 queued threads</c>
/// (a Stopwatch timestamp, one monotonic clock for every process of the machine; its runtime's total GC pause and gen-2
/// count so far, its thread pool's queued work items and threads), and <c>storage instrument ended-at ticks</c> for each
/// storage write of a millisecond or more its meter timed. The parent writes <c>seat room-count rooms</c> (each person's room, comma-separated) and the child answers
/// <c>seated room-ids tokens</c> (comma-separated). When its input closes, the child writes <c>log line</c> for each
/// warning or error its node logged, and stops. Any other line (the node's own console) is ignored.
/// </summary>
internal static class NodeLines
{
    public const string Ready = "ready";
    public const string Gc = "gc";
    public const string Seat = "seat";
    public const string Seated = "seated";
    public const string Log = "log";
    public const string Storage = "storage";

    public static string Format(string kind, params object[] values) =>
        string.Join(' ', [kind, .. values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture))]);

    public static void Write(string kind, params object[] values)
    {
        Console.Out.WriteLine(Format(kind, values));
        Console.Out.Flush();
    }

    public static long Long(string value) => long.Parse(value, CultureInfo.InvariantCulture);

    public static int[] Ints(string commaSeparated) => commaSeparated.Split(',').Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToArray();
}
