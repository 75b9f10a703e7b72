using System.Diagnostics;

namespace Community.Bench;

/// <summary>Durations in <see cref="Stopwatch"/> ticks, summed up as nearest-rank percentiles in milliseconds.</summary>
internal sealed record Latency(int Count, double P50, double P95, double P99, double Max)
{
    public static readonly Latency None = new(0, double.NaN, double.NaN, double.NaN, double.NaN);

    public static Latency Of(IEnumerable<long> ticks)
    {
        var sorted = ticks.Order().ToArray();
        if (sorted.Length == 0) return None;
        return new Latency(sorted.Length, Percentile(sorted, 50), Percentile(sorted, 95), Percentile(sorted, 99), Milliseconds(sorted[^1]));
    }

    public static double Milliseconds(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;

    /// <summary>The smallest sample that at least <paramref name="percent"/> % of the samples do not exceed.</summary>
    private static double Percentile(long[] sorted, double percent) =>
        Milliseconds(sorted[Math.Max(0, (int)Math.Ceiling(percent / 100 * sorted.Length) - 1)]);
}
