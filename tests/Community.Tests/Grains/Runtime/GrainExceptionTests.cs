namespace Community.Tests.Grains.Runtime;

public sealed class GrainExceptionTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Exception_thrown_by_a_grain_reaches_the_caller_unchanged_and_the_activation_keeps_working()
    {
        await using var node = new TestNode();
        var grain = node.Runtime.GetGrain<ITestGrain>("alpha");
        var before = await grain.DescribeAsync().WaitAsync(Timeout);

        var thrown = await Assert.ThrowsAsync<TestGrainException>(() => grain.FailAsync("no such room").WaitAsync(Timeout));

        Assert.Equal("no such room", thrown.Message);
        Assert.Equal(before, await grain.DescribeAsync().WaitAsync(Timeout));
        Assert.Equal(1, await grain.IncrementAsync().WaitAsync(Timeout));
        Assert.Equal(1, node.Probe.ActivationsOf("alpha"));
    }

    [Fact]
    public async Task Exception_thrown_before_a_grain_method_returns_its_task_reaches_the_caller_unchanged()
    {
        await using var node = new TestNode();
        var grain = node.Runtime.GetGrain<ITestGrain>("alpha");

        var thrown = await Assert.ThrowsAsync<TestGrainException>(
            () => grain.FailBeforeReturningAsync("not a member").WaitAsync(Timeout));

        Assert.Equal("not a member", thrown.Message);
        Assert.Equal(1, await grain.IncrementAsync().WaitAsync(Timeout));
    }
}
