using Community.Grains.Runtime;

namespace Community.Tests.Grains.Runtime;

public sealed class StaleStateTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Stale_write_is_refused_and_the_call_is_retried_on_reloaded_state()
    {
        var store = new VersionedStore();
        await using var node1 = new TestNode(store: store);
        await using var node2 = new TestNode(store: store);
        var on1 = node1.Runtime.GetGrain<ICounterGrain>("c");
        var on2 = node2.Runtime.GetGrain<ICounterGrain>("c");
        Assert.Equal(new CounterSnapshot(0, 0, 1), await on2.GetAsync().WaitAsync(Timeout));

        Assert.Equal(1, await on1.IncrementAsync().WaitAsync(Timeout));
        var result = await on2.IncrementAsync().WaitAsync(Timeout);

        Assert.Equal(2, result);
        Assert.Equal(1, store.StaleRefusals);
        Assert.Equal((2, 2L), store.Read("c"));
        Assert.Equal(2, node2.Probe.ActivationsOf("c"));
        Assert.Equal(new CounterSnapshot(Value: 2, Version: 2, Instance: 2), await on2.GetAsync().WaitAsync(Timeout));
        Assert.Equal(1, node2.Runtime.ActivationCount);
    }

    [Fact]
    public async Task Stale_state_exception_reaches_the_caller_once_the_retries_are_exhausted()
    {
        var store = new VersionedStore();
        await using var node = new TestNode(store: store, configure: o => o.StaleRetries = 2);
        var counter = node.Runtime.GetGrain<ICounterGrain>("c");
        store.Contend("c");

        await Assert.ThrowsAsync<StaleStateException>(() => counter.IncrementAsync().WaitAsync(Timeout));

        // The first attempt and two retries, each on a freshly activated instance.
        Assert.Equal(3, store.StaleRefusals);
        Assert.Equal(3, node.Probe.ActivationsOf("c"));
    }

    [Fact]
    public async Task Call_after_the_stale_retries_ran_out_runs_on_reloaded_state()
    {
        var store = new VersionedStore();
        await using var node1 = new TestNode(store: store);
        await using var node2 = new TestNode(store: store, configure: o => o.StaleRetries = 0);
        var on1 = node1.Runtime.GetGrain<ICounterGrain>("c");
        var on2 = node2.Runtime.GetGrain<ICounterGrain>("c");
        await on2.GetAsync().WaitAsync(Timeout);
        await on1.IncrementAsync().WaitAsync(Timeout);
        await Assert.ThrowsAsync<StaleStateException>(() => on2.IncrementAsync().WaitAsync(Timeout));

        // The runtime learnt this instance's state is behind storage; the next call must not run on it.
        Assert.Equal(2, await on2.IncrementAsync().WaitAsync(Timeout));
    }
}
