using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Community.Bench;

/// <summary>The results side by side, the ratios between scenarios of this run, then whatever went wrong.</summary>
internal static class Report
{
    private const int LoggedLinesShown = 5;

    public static string Header(BenchOptions options) =>
        Invariant($"""
        Community hot path: send -> persist -> fan out. One run; figures compare only with each other.
        {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}; nodes, clients and PostgreSQL share the machine.
        SQLite: WAL, synchronous=NORMAL. PostgreSQL: throwaway test cluster, fsync=off, synchronous_commit=off.
        {options.Senders} senders x {options.Messages} messages (after warm-up rounds of {BenchOptions.WarmupMessages} each, until the JIT has settled), {options.Receivers} receivers; DM: {options.Messages} round trips.

        """);

    public static string Table(IReadOnlyList<ScenarioResult> results)
    {
        var text = new StringBuilder();
        Row(text, "scenario", "setup", "sent", "sends/s", "deliv/s", "latency of", "p50 ms", "p95 ms", "p99 ms", "max ms", "ack p50", "ack p99", "load", "check");
        foreach (var r in results)
        {
            Row(text, r.Name, r.Setup, r.Sent.ToString(CultureInfo.InvariantCulture), Number(r.SendsPerSecond, "0"), Number(r.DeliveriesPerSecond, "0"),
                r.LatencyOf, Ms(r.Latency.P50), Ms(r.Latency.P95), Ms(r.Latency.P99), Ms(r.Latency.Max), Ms(r.Ack.P50), Ms(r.Ack.P99),
                Number(r.Load, "0.0"), r.Ok ? "ok" : "FAILED");
        }
        return text.ToString();
    }

    public static string Ratios(IReadOnlyList<ScenarioResult> results)
    {
        var byName = results.Where(r => !double.IsNaN(r.SendsPerSecond)).ToDictionary(r => r.Name);
        var text = new StringBuilder("Ratios (this run):\n");
        var any = false;
        foreach (var (a, b, label) in new[]
        {
            (Scenario.Postgres, Scenario.Sqlite, "PostgreSQL / SQLite, one node"),
            (Scenario.TwoNodes, Scenario.Postgres, "two nodes / one node, PostgreSQL"),
            (Scenario.TwoNodesRooms, Scenario.TwoNodes, "two nodes, many rooms / two nodes, one room"),
        })
        {
            if (!byName.TryGetValue(a, out var x) || !byName.TryGetValue(b, out var y)) continue;
            any = true;
            text.Append(Invariant($"  {label,-44} sends/s {x.SendsPerSecond / y.SendsPerSecond,5:0.00}x   "))
                .Append(Invariant($"fan-out p50 {x.Latency.P50 / y.Latency.P50,5:0.00}x   p99 {x.Latency.P99 / y.Latency.P99,5:0.00}x"))
                .Append(x.Ok && y.Ok ? "\n" : "   (a scenario FAILED its checks)\n");
        }
        return any ? text.ToString() : "";
    }

    public static string Notes(IReadOnlyList<ScenarioResult> results)
    {
        var text = new StringBuilder();
        foreach (var r in results)
            foreach (var note in r.Notes) text.Append(Invariant($"{r.Name}: {note}\n"));
        return text.ToString();
    }

    public static string Problems(IReadOnlyList<ScenarioResult> results)
    {
        var text = new StringBuilder();
        foreach (var r in results)
        {
            foreach (var problem in r.Problems) text.Append(Invariant($"FAILED {r.Name}: {problem}\n"));
            if (r.ServerLog.Count == 0) continue;
            text.Append(Invariant($"{r.Name}: the node(s) logged {r.ServerLog.Count} warning(s) or error(s); the first kinds:\n"));
            foreach (var group in r.ServerLog.GroupBy(Kind).Take(LoggedLinesShown))
                text.Append(Invariant($"  {group.Count(),5} x {group.Key}{Example(group.First())}\n"));
        }
        return text.Length > 0 ? text.ToString() : "Nothing logged at warning level or above; every check passed.\n";
    }

    private static void Row(StringBuilder text, params string[] cells)
    {
        int[] widths = [21, 25, 5, 8, 8, 15, 7, 7, 7, 7, 8, 8, 5, 6];
        for (var i = 0; i < cells.Length; i++)
            text.Append(i is 0 or 1 or 5 ? cells[i].PadRight(widths[i]) : cells[i].PadLeft(widths[i])).Append(' ');
        text.Length--;
        text.Append('\n');
    }

    /// <summary>A captured line's level, category and message, with the exception's type: without its values, scopes and stack.</summary>
    private static string Kind(string line)
    {
        var lines = line.Split('\n');
        var exception = lines.Length > 1 ? " <- " + lines[1].Split(':')[0] : "";
        return lines[0].Split(" | ")[0] + exception;
    }

    private static string Example(string line) => line.Split('\n') is [_, var exception, ..] ? $"\n          e.g. {exception}" : "";

    private static string Ms(double value) => Number(value, "0.0");

    private static string Number(double value, string format) => double.IsNaN(value) ? "-" : value.ToString(format, CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
