namespace Community.Bench;

/// <summary>
/// An open loop: after a closed-loop burst that finds the product's peak in one room, messages are
/// offered at fixed rates (50% and 80% of that peak, or <c>--rate</c>) for <c>--seconds</c> each,
/// whatever the acknowledgements do, to the product and then, at the same rate, to bare SignalR.
/// Latency runs from when each message was due, so a stall counts for every message it held up
/// (no coordinated omission), recorded into HdrHistogram. Reports the longest gap between two
/// deliveries at any receiver (the target: none over 50 ms at half the peak) and what the runtime
/// and the store did during it.
/// </summary>
internal static class SteadyScenario
{
    /// <summary>The offered rates as shares of the closed-loop peak.</summary>
    public static readonly double[] Shares = [0.5, 0.8];

    public static async Task<IReadOnlyList<ScenarioResult>> RunAsync(string name, string setup, IRoomServer productServer, IRoomServer? bareServer,
        BenchOptions options, BenchLogs logs)
    {
        await using var product = await SteadyRun.SetUpAsync(productServer, options);
        await using var bare = bareServer is null ? null : await SteadyRun.SetUpAsync(bareServer, options);
        var peak = await product.PeakAsync(options.Messages);
        var barePeak = bare is null ? double.NaN : await bare.PeakAsync(options.Messages);
        var rates = options.Rate is { } given ? [(Label: $"{given:0}/s", Rate: given)] : Shares.Select(s => (Label: $"{s:0%}", Rate: s * peak)).ToArray();

        var results = new List<ScenarioResult>();
        foreach (var (label, rate) in rates)
        {
            var phase = $"{name} @{label}";
            Progress.Show($"{phase}: product, {rate:0}/s for {options.Seconds} s");
            var result = await product.OfferAsync(phase, setup, rate, options.Seconds, logs.Product);
            var peaks = $"closed-loop peak just before: product {peak:0}/s" + (bare is null ? "" : $", bare SignalR {barePeak:0}/s");
            result = result with { Notes = [.. result.Notes.Take(1).Select(n => $"{n} ({peaks})"), .. result.Notes.Skip(1)] };
            if (bare is not null)
            {
                Progress.Show($"{phase}: bare SignalR, {rate:0}/s for {options.Seconds} s");
                result = result with { Bare = await bare.OfferAsync(phase, "bare SignalR, in memory", rate, options.Seconds, logs.Bare) };
            }
            results.Add(result);
        }
        return results;
    }
}
