using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Community.Bench;

/// <summary>The results side by side, the ratios of this run (against bare SignalR and between scenarios), then whatever went wrong.</summary>
internal static class Report
{
    private const int LoggedLinesShown = 5;

    /// <summary>The product's delivered messages per second should be at least this share of bare SignalR's.</summary>
    public const double DeliveredTarget = 0.7;

    /// <summary>The product's p99 latency should be at most this multiple of bare SignalR's.</summary>
    public const double P99Target = 2.0;

    public static string Header(BenchOptions options) =>
        Invariant($"""
        Community hot path: send -> persist -> fan out. One run; figures compare only with each other.
        {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}; nodes, bare SignalR, clients and PostgreSQL share the machine.
        SQLite: WAL, synchronous=NORMAL. PostgreSQL: throwaway test cluster, fsync=off, synchronous_commit=off.
        {options.Senders} senders x {options.Messages} messages x {options.Rounds} rounds per server, alternating product and bare SignalR (after warm-up rounds of {BenchOptions.WarmupMessages} each, until the JIT has settled), {options.Receivers} receivers; DM: {options.Messages} round trips.
        Sign-in load: one member sends ({options.Messages} messages, {SignInLoadScenario.MinimumDuration.TotalSeconds:0} s at least) while {SignInLoadScenario.SignInClients} clients sign in without pause.

        """);

    public static string Table(IReadOnlyList<ScenarioResult> results)
    {
        var text = new StringBuilder();
        if (!results.Any(r => !double.IsNaN(r.SendsPerSecond) || r.Figures.Count == 0)) return "";
        Row(text, "scenario", "setup", "sent", "sends/s", "deliv/s", "latency of", "p50 ms", "p99 ms", "p99.9", "max ms", "ack p50", "ack p99", "load", "check");
        foreach (var r in results.Where(r => !double.IsNaN(r.SendsPerSecond) || r.Figures.Count == 0))
        {
            Line(text, r, r.Name);
            if (r.Bare is { } bare) Line(text, bare, "  vs bare SignalR");
        }
        return text.ToString();
    }

    public static string AgainstBare(IReadOnlyList<ScenarioResult> results)
    {
        var pairs = results.Where(r => r.Bare is not null && !double.IsNaN(r.SendsPerSecond)).ToArray();
        if (pairs.Length == 0) return "";
        var text = new StringBuilder(Invariant(
            $"Product / bare SignalR, same load, same run (targets: delivered/s >= {DeliveredTarget:0.0#}x, p99 <= {P99Target:0.0#}x):\n"));
        foreach (var r in pairs)
        {
            var (delivered, p50, p99) = Ratios(r);
            text.Append(Invariant($"  {r.Name,-28} deliv/s {delivered,5:0.00}x {Verdict(delivered >= DeliveredTarget)}   "))
                .Append(Invariant($"p50 {p50,6:0.00}x   p99 {p99,6:0.00}x {Verdict(p99 <= P99Target)}"))
                .Append(r.Ok ? "\n" : "   (a side FAILED its checks)\n");
        }
        return text.ToString();
    }

    /// <summary>Product / bare for delivered messages per second, p50 and p99 (NaN where a side has none).</summary>
    public static (double Delivered, double P50, double P99) Ratios(ScenarioResult r) =>
        r.Bare is { } b ? (r.DeliveriesPerSecond / b.DeliveriesPerSecond, r.Latency.P50 / b.Latency.P50, r.Latency.P99 / b.Latency.P99) : (double.NaN, double.NaN, double.NaN);

    public static string Between(IReadOnlyList<ScenarioResult> results)
    {
        var byName = results.Where(r => !double.IsNaN(r.SendsPerSecond)).GroupBy(r => r.Name).ToDictionary(g => g.Key, g => g.First());
        var text = new StringBuilder("Between scenarios (this run):\n");
        var any = false;
        foreach (var (a, b, label) in new[]
        {
            (Scenario.Postgres, Scenario.Sqlite, "PostgreSQL / SQLite, one node"),
            (Scenario.TwoNodes, Scenario.Postgres, "two nodes / one node, PostgreSQL"),
            (Scenario.TwoNodesRooms, Scenario.TwoNodes, "two nodes, many rooms / two nodes, one room"),
            (Scenario.SignInLoad, Scenario.SignInLoadUnbounded, "sign-ins: hashing pool / hashing unbounded"),
        })
        {
            if (!byName.TryGetValue(a, out var x) || !byName.TryGetValue(b, out var y)) continue;
            any = true;
            text.Append(Invariant($"  {label,-44} sends/s {x.SendsPerSecond / y.SendsPerSecond,5:0.00}x   "))
                .Append(Invariant($"latency p50 {x.Latency.P50 / y.Latency.P50,5:0.00}x   p99 {x.Latency.P99 / y.Latency.P99,5:0.00}x"))
                .Append(x.Ok && y.Ok ? "\n" : "   (a scenario FAILED its checks)\n");
        }
        return any ? text.ToString() : "";
    }

    /// <summary>The figures that are not messages and latencies (storage, connections), with their targets.</summary>
    public static string Figures(IReadOnlyList<ScenarioResult> results)
    {
        var text = new StringBuilder();
        foreach (var r in results.Where(r => r.Figures.Count > 0))
        {
            text.Append(Invariant($"{r.Name} ({r.Setup}; load {Number(r.Load, "0.0")}):\n"));
            foreach (var f in r.Figures)
            {
                var target = f.Target is null ? "" : $"   target {f.Target}: {Verdict(f.Met ?? false)}";
                text.Append(Invariant($"  {f.What,-74} {Number(f.Value, f.Value >= 100 || f.Value == Math.Round(f.Value) ? "#,0" : "0.00"),12} {f.Unit}{target}\n"));
            }
        }
        return text.ToString();
    }

    public static string Notes(IReadOnlyList<ScenarioResult> results)
    {
        var text = new StringBuilder();
        foreach (var r in results)
            foreach (var note in r.Notes.Concat(r.Bare?.Notes ?? [])) text.Append(Invariant($"{r.Name}: {note}\n"));
        return text.ToString();
    }

    public static string Problems(IReadOnlyList<ScenarioResult> results)
    {
        var text = new StringBuilder();
        foreach (var r in results.SelectMany(r => r.Bare is null ? [r] : new[] { r, r.Bare }))
        {
            var who = r.Server == Target.Bare ? $"{r.Name} (bare SignalR)" : r.Name;
            foreach (var problem in r.Problems) text.Append(Invariant($"FAILED {who}: {problem}\n"));
            if (r.ServerLog.Count == 0) continue;
            text.Append(Invariant($"{who}: the server logged {r.ServerLog.Count} warning(s) or error(s); the first kinds:\n"));
            foreach (var group in r.ServerLog.GroupBy(Kind).Take(LoggedLinesShown))
                text.Append(Invariant($"  {group.Count(),5} x {group.Key}{Example(group.First())}\n"));
        }
        return text.Length > 0 ? text.ToString() : "Nothing logged at warning level or above; every check passed.\n";
    }

    public static string Verdict(bool met) => met ? "met" : "NOT met";

    private static void Line(StringBuilder text, ScenarioResult r, string name) =>
        Row(text, name, r.Setup, r.Sent.ToString(CultureInfo.InvariantCulture), Number(r.SendsPerSecond, "0"), Number(r.DeliveriesPerSecond, "0"),
            r.LatencyOf, Ms(r.Latency.P50), Ms(r.Latency.P99), Ms(r.Latency.P999), Ms(r.Latency.Max), Ms(r.Ack.P50), Ms(r.Ack.P99),
            Number(r.Load, "0.0"), r.Problems.Count == 0 ? "ok" : "FAILED");

    private static void Row(StringBuilder text, params string[] cells)
    {
        int[] widths = [26, 30, 6, 8, 8, 15, 7, 7, 7, 7, 8, 8, 5, 6];
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

    public static string Number(double value, string format) => double.IsNaN(value) ? "-" : value.ToString(format, CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
