namespace Community.Tests.Grains.Runtime;

public sealed class GrainTurnTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Concurrent_calls_on_one_grain_take_turns_and_lose_no_update()
    {
        await using var node = new TestNode();
        var grain = node.Runtime.GetGrain<ITestGrain>("busy");

        var calls = Enumerable.Range(0, 100).Select(_ => Task.Run(grain.IncrementAsync)).ToArray();
        var results = await Task.WhenAll(calls).WaitAsync(Timeout);

        Assert.Equal(100, await grain.GetCountAsync().WaitAsync(Timeout));
        Assert.Equal(Enumerable.Range(1, 100), results.Order());
        Assert.Equal(1, node.Probe.MaxInFlight);
    }

    [Fact]
    public async Task Calls_on_different_keys_run_concurrently()
    {
        await using var node = new TestNode();
        var alphaGate = node.Probe.GateFor("alpha");
        var betaGate = node.Probe.GateFor("beta");

        var alpha = node.Runtime.GetGrain<ITestGrain>("alpha").HoldAsync();
        var beta = node.Runtime.GetGrain<ITestGrain>("beta").HoldAsync();

        // Both calls are inside their grains at once: neither waits for the other to finish.
        await Task.WhenAll(alphaGate.Entered.Task, betaGate.Entered.Task).WaitAsync(Timeout);
        Assert.False(alpha.IsCompleted);
        Assert.False(beta.IsCompleted);

        alphaGate.Released.SetResult();
        betaGate.Released.SetResult();
        await Task.WhenAll(alpha, beta).WaitAsync(Timeout);
    }
}
