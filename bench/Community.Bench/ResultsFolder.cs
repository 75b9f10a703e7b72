using System.Globalization;
using System.Text;

namespace Community.Bench;

/// <summary>
/// Where a run leaves its figures: <c>bench/results/&lt;UTC time&gt;/</c> in the repository (git-ignored)
/// unless <c>--results</c> names a folder; CSV files for every figure and the charts (<see cref="Charts"/>).
/// </summary>
internal static class ResultsFolder
{
    public static string Create(BenchOptions options)
    {
        var folder = options.ResultsFolder ?? Path.Combine(RepositoryRoot(), "bench", "results", DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture));
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>Writes the CSV files and the charts; returns the files written.</summary>
    public static IReadOnlyList<string> Write(string folder, IReadOnlyList<ScenarioResult> results)
    {
        var written = new List<string>
        {
            Csv(folder, "scenarios.csv", ["scenario", "server", "setup", "senders", "sent", "sends_per_s", "delivered_per_s", "latency_of",
                "p50_ms", "p95_ms", "p99_ms", "p999_ms", "max_ms", "ack_p50_ms", "ack_p99_ms", "load", "ok"],
                Sides(results).Where(r => !double.IsNaN(r.SendsPerSecond)).Select(r => new object[]
                {
                    r.Name, r.Server, r.Setup, r.Senders, r.Sent, r.SendsPerSecond, r.DeliveriesPerSecond, r.LatencyOf, r.Latency.P50, r.Latency.P95,
                    r.Latency.P99, r.Latency.P999, r.Latency.Max, r.Ack.P50, r.Ack.P99, r.Load, r.Problems.Count == 0,
                })),
            Csv(folder, "against-bare.csv", ["scenario", "delivered_ratio", "p50_ratio", "p99_ratio", "delivered_target_met", "p99_target_met"],
                results.Where(r => r.Bare is not null && !double.IsNaN(r.SendsPerSecond)).Select(r =>
                {
                    var (delivered, p50, p99) = Report.Ratios(r);
                    return new object[] { r.Name, delivered, p50, p99, delivered >= Report.DeliveredTarget, p99 <= Report.P99Target };
                })),
            Csv(folder, "figures.csv", ["scenario", "what", "value", "unit", "target", "met"],
                results.SelectMany(r => r.Figures.Select(f => new object[] { r.Name, f.What, f.Value, f.Unit, f.Target ?? "", f.Met?.ToString() ?? "" }))),
            Csv(folder, "latency-distribution.csv", ["scenario", "server", "percentile", "ms"],
                Sides(results).SelectMany(r => r.Latency.Distribution().Select(d => new object[] { r.Name, r.Server, d.Percentile, d.Ms }))),
        };
        written.AddRange(Charts.Draw(folder, results));
        return written;
    }

    /// <summary>Every result, each followed by its bare SignalR counterpart.</summary>
    public static IEnumerable<ScenarioResult> Sides(IEnumerable<ScenarioResult> results) =>
        results.SelectMany(r => r.Bare is null ? [r] : new[] { r, r.Bare });

    private static string Csv(string folder, string file, string[] header, IEnumerable<object[]> rows)
    {
        var text = new StringBuilder(string.Join(',', header)).Append('\n');
        foreach (var row in rows) text.Append(string.Join(',', row.Select(Cell))).Append('\n');
        var path = Path.Combine(folder, file);
        File.WriteAllText(path, text.ToString());
        return path;
    }

    private static string Cell(object value) => value switch
    {
        double d => double.IsNaN(d) ? "" : d.ToString("0.###", CultureInfo.InvariantCulture),
        string s when s.IndexOfAny([',', '"', '\n']) >= 0 => $"\"{s.Replace("\"", "\"\"", StringComparison.Ordinal)}\"",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    /// <summary>The folder holding Community.sln, looked for from the program's folder upwards; the working folder when there is none.</summary>
    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Community.sln"))) return dir.FullName;
        return Directory.GetCurrentDirectory();
    }
}
