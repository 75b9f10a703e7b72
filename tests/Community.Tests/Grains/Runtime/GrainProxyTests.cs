namespace Community.Tests.Grains.Runtime;

public sealed class GrainProxyTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Methods_returning_task_and_task_of_result_both_work_through_the_reference()
    {
        await using var node = new TestNode();
        var grain = node.Runtime.GetGrain<ITestGrain>("alpha");

        await grain.SetNameAsync("Aiko").WaitAsync(Timeout);
        var name = await grain.GetNameAsync().WaitAsync(Timeout);
        var count = await grain.IncrementAsync().WaitAsync(Timeout);

        Assert.Equal("Aiko", name);
        Assert.Equal(1, count);
    }

    [Fact]
    public async Task Same_key_gives_the_same_reference()
    {
        await using var node = new TestNode();
        var first = node.Runtime.GetGrain<ITestGrain>("alpha");

        Assert.Same(first, node.Runtime.GetGrain<ITestGrain>("alpha"));
        Assert.NotSame(first, node.Runtime.GetGrain<ITestGrain>("beta"));
        Assert.NotSame(first, node.Runtime.GetGrain<ICounterGrain>("alpha"));
    }
}
