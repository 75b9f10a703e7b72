namespace Community.Tests.Grains.Runtime;

public sealed class InvalidationTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task An_invalidated_grain_reloads_what_another_node_wrote_on_its_next_call()
    {
        var store = new VersionedStore();
        await using var node1 = new TestNode(store: store);
        await using var node2 = new TestNode(store: store);
        var onNode1 = node1.Runtime.GetGrain<ICounterGrain>("c");
        var onNode2 = node2.Runtime.GetGrain<ICounterGrain>("c");
        Assert.Equal(0, (await onNode1.GetAsync().WaitAsync(Timeout)).Value);

        await onNode2.IncrementAsync().WaitAsync(Timeout);
        Assert.Equal(0, (await onNode1.GetAsync().WaitAsync(Timeout)).Value);

        node1.Runtime.Invalidate(typeof(ICounterGrain), "c");
        var reloaded = await onNode1.GetAsync().WaitAsync(Timeout);

        Assert.Equal(new CounterSnapshot(Value: 1, Version: 1, Instance: 2), reloaded);
        Assert.Equal(["activate c", "deactivate c", "activate c"], node1.Probe.Events);
    }

    [Fact]
    public async Task Invalidating_a_grain_that_is_not_active_here_does_nothing()
    {
        await using var node = new TestNode();

        node.Runtime.Invalidate(typeof(ICounterGrain), "never-called");

        Assert.Equal(0, node.Runtime.ActivationCount);
        Assert.Empty(node.Probe.Events);
    }
}
