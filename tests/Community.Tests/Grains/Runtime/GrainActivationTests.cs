namespace Community.Tests.Grains.Runtime;

public sealed class GrainActivationTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Grain_is_activated_on_first_call_with_its_key_set_and_reused_by_later_calls()
    {
        await using var node = new TestNode();
        var grain = node.Runtime.GetGrain<ITestGrain>("alpha");
        Assert.Equal(0, node.Runtime.ActivationCount);
        Assert.Empty(node.Probe.Events);

        var first = await grain.DescribeAsync().WaitAsync(Timeout);
        var second = await grain.DescribeAsync().WaitAsync(Timeout);
        var third = await grain.DescribeAsync().WaitAsync(Timeout);

        Assert.Equal(new ActivationInfo(Key: "alpha", LoadedFor: "alpha", Instance: 1), first);
        Assert.Equal(first, second);
        Assert.Equal(first, third);
        Assert.Equal(["activate alpha", "call alpha", "call alpha", "call alpha"], node.Probe.Events);
        Assert.Equal(1, node.Runtime.ActivationCount);
    }

    [Fact]
    public async Task Each_key_gets_its_own_activation()
    {
        await using var node = new TestNode();

        var alpha = await node.Runtime.GetGrain<ITestGrain>("alpha").DescribeAsync().WaitAsync(Timeout);
        var beta = await node.Runtime.GetGrain<ITestGrain>("beta").DescribeAsync().WaitAsync(Timeout);

        Assert.Equal(new ActivationInfo("alpha", "alpha", 1), alpha);
        Assert.Equal(new ActivationInfo("beta", "beta", 2), beta);
        Assert.Equal(2, node.Runtime.ActivationCount);
    }
}
