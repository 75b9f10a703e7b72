using Community.Tests.Support;

namespace Community.Tests.Grains.Runtime;

public sealed class IdleDeactivationTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task Idle_activation_is_retired_and_the_next_call_activates_a_fresh_instance_with_reloaded_state()
    {
        var clock = new ManualTimeProvider();
        await using var node = new TestNode(clock, configure: o => o.IdleTimeout = IdleTimeout);
        var counter = node.Runtime.GetGrain<ICounterGrain>("c");
        await counter.IncrementAsync().WaitAsync(Timeout);
        await counter.IncrementAsync().WaitAsync(Timeout);

        clock.Advance(IdleTimeout + TimeSpan.FromSeconds(1));
        var retired = await node.Runtime.DeactivateIdleAsync().WaitAsync(Timeout);

        Assert.Equal(1, retired);
        Assert.Equal(0, node.Runtime.ActivationCount);
        Assert.Equal(1, node.Probe.DeactivationsOf("c"));

        var snapshot = await counter.GetAsync().WaitAsync(Timeout);

        Assert.Equal(new CounterSnapshot(Value: 2, Version: 2, Instance: 2), snapshot);
        Assert.Equal(["activate c", "deactivate c", "activate c"], node.Probe.Events);
        Assert.Equal(1, node.Runtime.ActivationCount);
    }

    [Fact]
    public async Task Activation_used_within_the_idle_timeout_is_not_retired()
    {
        var clock = new ManualTimeProvider();
        await using var node = new TestNode(clock, configure: o => o.IdleTimeout = IdleTimeout);
        var stale = node.Runtime.GetGrain<ITestGrain>("stale");
        var fresh = node.Runtime.GetGrain<ITestGrain>("fresh");
        var freshBefore = await fresh.DescribeAsync().WaitAsync(Timeout);
        await stale.DescribeAsync().WaitAsync(Timeout);

        clock.Advance(TimeSpan.FromMinutes(6));
        await fresh.DescribeAsync().WaitAsync(Timeout);
        clock.Advance(TimeSpan.FromMinutes(5));
        var retired = await node.Runtime.DeactivateIdleAsync().WaitAsync(Timeout);

        Assert.Equal(1, retired);
        Assert.Equal(1, node.Probe.DeactivationsOf("stale"));
        Assert.Equal(0, node.Probe.DeactivationsOf("fresh"));
        Assert.Equal(1, node.Runtime.ActivationCount);
        Assert.Equal(freshBefore, await fresh.DescribeAsync().WaitAsync(Timeout));
        Assert.Equal(0, await node.Runtime.DeactivateIdleAsync().WaitAsync(Timeout));
    }
}
