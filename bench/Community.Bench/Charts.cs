using ScottPlot;
using ScottPlot.TickGenerators;

namespace Community.Bench;

/// <summary>
/// The run's charts as PNG (ScottPlot): latency percentiles per scenario, the product beside bare
/// SignalR; the open loop's latency by percentile; delivered messages per second against senders;
/// the stores' appends per second by batch size. A chart whose scenarios did not run is left out.
/// </summary>
internal static class Charts
{
    private const int Width = 1100;
    private const int Height = 550;

    private static readonly Color Product = Color.FromHex("#1f77b4");
    private static readonly Color Bare = Color.FromHex("#ff7f0e");

    /// <summary>The percentiles of the latency chart, each a shade of its server's colour.</summary>
    private static readonly (string Name, Func<Latency, double> Of, double Opacity)[] Percentiles =
        [("p50", l => l.P50, 1), ("p99", l => l.P99, 0.6), ("p99.9", l => l.P999, 0.3)];

    public static IEnumerable<string> Draw(string folder, IReadOnlyList<ScenarioResult> results)
    {
        var paired = results.Where(r => r.Bare is not null && !double.IsNaN(r.SendsPerSecond)).ToArray();
        if (paired.Length > 0) yield return LatencyBars(folder, paired);
        var steady = paired.Where(r => r.Name.StartsWith(Scenario.Steady, StringComparison.Ordinal)).ToArray();
        if (steady.Length > 0) yield return LatencyByPercentile(folder, steady);
        var sweep = paired.Where(r => r.Senders > 0).ToArray();
        if (sweep.Length > 1) yield return ThroughputAgainstSenders(folder, sweep);
        var appends = results.SelectMany(r => r.Figures.Where(f => f.What.StartsWith(StorageScenario.AppendsFigure, StringComparison.Ordinal)).Select(f => (r.Name, f))).ToArray();
        if (appends.Length > 0) yield return AppendsByBatch(folder, appends);
    }

    private static string LatencyBars(string folder, ScenarioResult[] paired)
    {
        using var plot = new Plot();
        var ticks = new NumericManual();
        for (var i = 0; i < paired.Length; i++)
        {
            var group = i * (2 * Percentiles.Length + 1);
            ticks.AddMajor(group + Percentiles.Length - 0.5, paired[i].Name);
            for (var p = 0; p < Percentiles.Length; p++)
            {
                Bar(plot, group + 2 * p, Percentiles[p].Of(paired[i].Latency), Product.WithOpacity(Percentiles[p].Opacity));
                Bar(plot, group + 2 * p + 1, Percentiles[p].Of(paired[i].Bare!.Latency), Bare.WithOpacity(Percentiles[p].Opacity));
            }
        }
        foreach (var (name, _, opacity) in Percentiles)
        {
            Legend(plot, $"product {name}", Product.WithOpacity(opacity));
            Legend(plot, $"bare SignalR {name}", Bare.WithOpacity(opacity));
        }
        plot.Axes.Bottom.TickGenerator = ticks;
        plot.Axes.Margins(bottom: 0);
        return Save(plot, folder, "latency-vs-bare.png", "Latency per scenario: product beside bare SignalR (same load, same run)", "latency (ms)");
    }

    private static string LatencyByPercentile(string folder, ScenarioResult[] steady)
    {
        using var plot = new Plot();
        // x = log10(1 / (1 - q)): 90% at 1, 99% at 2, 99.9% at 3, so the tail gets room.
        static double X(double percentile) => Math.Log10(100 / Math.Max(100 - percentile, 0.001));
        foreach (var r in steady)
        {
            foreach (var (side, color) in new[] { (r, Product), (r.Bare!, Bare) })
            {
                var curve = side.Latency.Distribution().Where(d => d.Percentile < 100).ToArray();
                if (curve.Length == 0) continue;
                var line = plot.Add.ScatterLine(curve.Select(d => X(d.Percentile)).ToArray(), curve.Select(d => d.Ms).ToArray(), color);
                line.LegendText = $"{r.Name} {(side.Server == Target.Bare ? "bare SignalR" : "product")}";
                line.LinePattern = r.Name.EndsWith("80%", StringComparison.Ordinal) ? LinePattern.Solid : LinePattern.Dashed;
                line.LineWidth = 2;
            }
        }
        var ticks = new NumericManual();
        foreach (var (x, label) in new[] { (0.0, "0%"), (X(50), "50%"), (1.0, "90%"), (2.0, "99%"), (3.0, "99.9%"), (4.0, "99.99%") }) ticks.AddMajor(x, label);
        plot.Axes.Bottom.TickGenerator = ticks;
        plot.XLabel("percentile");
        FromZero(plot, steady.SelectMany(r => new[] { r.Latency.Max, r.Bare!.Latency.Max }));
        return Save(plot, folder, "latency-by-percentile.png", "Open loop: latency from due time by percentile (HdrHistogram)", "latency (ms)");
    }

    private static string ThroughputAgainstSenders(string folder, ScenarioResult[] sweep)
    {
        using var plot = new Plot();
        // Sender counts double from step to step: evenly spaced on a log2 scale.
        var senders = sweep.Select(r => Math.Log2(r.Senders)).ToArray();
        foreach (var (label, color, pick) in new (string, Color, Func<ScenarioResult, ScenarioResult>)[] { ("product", Product, r => r), ("bare SignalR", Bare, r => r.Bare!) })
        {
            var line = plot.Add.Scatter(senders, sweep.Select(r => pick(r).DeliveriesPerSecond).ToArray(), color);
            line.LegendText = $"{label}: delivered/s";
            line.LineWidth = 2;
            line.MarkerSize = 8;
        }
        var ticks = new NumericManual();
        foreach (var r in sweep) ticks.AddMajor(Math.Log2(r.Senders), $"{r.Senders}");
        plot.Axes.Bottom.TickGenerator = ticks;
        plot.XLabel("senders (closed loop, one room)");
        FromZero(plot, sweep.SelectMany(r => new[] { r.DeliveriesPerSecond, r.Bare!.DeliveriesPerSecond }));
        return Save(plot, folder, "throughput-vs-senders.png", "Delivered messages per second against senders", "messages delivered per second");
    }

    private static string AppendsByBatch(string folder, (string Scenario, Figure Figure)[] appends)
    {
        using var plot = new Plot();
        var stores = appends.Select(a => a.Scenario).Distinct().ToArray();
        var ticks = new NumericManual();
        for (var b = 0; b < StorageScenario.BatchSizes.Length; b++)
        {
            ticks.AddMajor(b * (stores.Length + 1) + (stores.Length - 1) / 2.0, $"batches of {StorageScenario.BatchSizes[b]}");
            for (var s = 0; s < stores.Length; s++)
            {
                var figure = appends.FirstOrDefault(a => a.Scenario == stores[s] && a.Figure.What == StorageScenario.AppendsFigureOf(StorageScenario.BatchSizes[b])).Figure;
                if (figure is not null) Bar(plot, b * (stores.Length + 1) + s, figure.Value, s == 0 ? Product : Bare);
            }
        }
        for (var s = 0; s < stores.Length; s++) Legend(plot, stores[s], s == 0 ? Product : Bare);
        foreach (var (scenario, target) in new[] { (Scenario.StorageSqlite, 50_000.0), (Scenario.StoragePostgres, 30_000.0) }.Where(t => stores.Contains(t.Item1)))
        {
            var line = plot.Add.HorizontalLine(target, 1, Color.FromHex("#888888"), LinePattern.Dotted);
            line.LegendText = $"{scenario} target: {target:#,0}/s";
        }
        plot.Axes.Bottom.TickGenerator = ticks;
        plot.Axes.Margins(bottom: 0);
        return Save(plot, folder, "storage-appends.png", "Appends per second straight through the message store", "messages per second");
    }

    /// <summary>The y axis from zero to a little above the highest value.</summary>
    private static void FromZero(Plot plot, IEnumerable<double> values)
    {
        var top = values.Where(v => !double.IsNaN(v)).DefaultIfEmpty(1).Max();
        plot.Axes.SetLimitsY(0, top * 1.1);
    }

    private static void Bar(Plot plot, double position, double value, Color color)
    {
        if (double.IsNaN(value)) return;
        plot.Add.Bar(new ScottPlot.Bar { Position = position, Value = value, FillColor = color, LineWidth = 0 });
    }

    private static void Legend(Plot plot, string label, Color color) =>
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = label, FillColor = color });

    private static string Save(Plot plot, string folder, string file, string title, string yLabel)
    {
        plot.Title(title);
        plot.YLabel(yLabel);
        plot.ShowLegend(Alignment.UpperLeft);
        var path = Path.Combine(folder, file);
        plot.SavePng(path, Width, Height);
        return path;
    }
}
