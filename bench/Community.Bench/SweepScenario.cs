namespace Community.Bench;

/// <summary>
/// Throughput against senders: one room, its receivers, and 1, 2, 4… senders (<c>--sweep</c>) sending
/// in a closed loop, each count measured on the product and then on bare SignalR with the same crowd.
/// </summary>
internal static class SweepScenario
{
    public static async Task<IReadOnlyList<ScenarioResult>> RunAsync(string name, string setup, IRoomServer productServer, IRoomServer bareServer,
        BenchOptions options, BenchLogs logs)
    {
        var crowd = options with { Senders = options.Sweep.Max() };
        await using var product = await FanOutRun.SetUpAsync(productServer, roomCount: 1, crowd);
        await using var bare = await FanOutRun.SetUpAsync(bareServer, roomCount: 1, crowd);
        await product.WarmUpAsync();
        await bare.WarmUpAsync();
        var results = new List<ScenarioResult>();
        foreach (var senders in options.Sweep)
        {
            var step = $"{name}-{senders}";
            Progress.Show($"{step}: product");
            var result = await MeasureAsync(product, step, $"{setup}, {senders} senders", senders, options, logs.Product);
            Progress.Show($"{step}: bare SignalR");
            results.Add(result with { Bare = await MeasureAsync(bare, step, $"bare SignalR, {senders} senders", senders, options, logs.Bare) });
        }
        return results;
    }

    private static async Task<ScenarioResult> MeasureAsync(FanOutRun run, string name, string setup, int senders, BenchOptions options,
        Community.Tests.Support.CapturingLoggerProvider log)
    {
        await run.MeasureAsync(options.Messages, senders);
        var result = run.Result(name, setup, log) with { Senders = senders };
        run.NextPhase();
        return result;
    }
}
