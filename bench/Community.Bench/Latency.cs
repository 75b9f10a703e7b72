using System.Diagnostics;
using HdrHistogram;

namespace Community.Bench;

/// <summary>
/// Durations in <see cref="Stopwatch"/> ticks, recorded into an HdrHistogram (microseconds, three
/// significant digits) and summed up as percentiles in milliseconds; the histogram stays for the
/// whole distribution (<see cref="Distribution"/>).
/// </summary>
internal sealed record Latency(int Count, double P50, double P95, double P99, double P999, double Max)
{
    /// <summary>The longest duration recorded: an hour, far beyond any wait a scenario allows.</summary>
    private const long HighestMicroseconds = 3_600_000_000;

    public static readonly Latency None = new(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);

    private LongHistogram? Histogram { get; init; }

    public static Latency Of(IEnumerable<long> ticks)
    {
        var histogram = new LongHistogram(HighestMicroseconds, 3);
        foreach (var t in ticks) histogram.RecordValue(Math.Clamp(t * 1_000_000 / Stopwatch.Frequency, 0, HighestMicroseconds));
        if (histogram.TotalCount == 0) return None;
        return new Latency((int)histogram.TotalCount, Ms(histogram, 50), Ms(histogram, 95), Ms(histogram, 99), Ms(histogram, 99.9),
            histogram.GetMaxValue() / 1000.0) { Histogram = histogram };
    }

    public static double Milliseconds(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;

    /// <summary>The value at each percentile step of the histogram (finer towards the tail), in milliseconds: the curve of a latency chart.</summary>
    public IReadOnlyList<(double Percentile, double Ms)> Distribution() =>
        Histogram is null ? [] : Histogram.Percentiles(5).Select(v => (v.Percentile, v.ValueIteratedTo / 1000.0)).ToArray();

    private static double Ms(LongHistogram histogram, double percentile) => histogram.GetValueAtPercentile(percentile) / 1000.0;
}
