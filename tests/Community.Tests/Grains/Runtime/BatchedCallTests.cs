namespace Community.Tests.Grains.Runtime;

public sealed class BatchedCallTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Calls_that_queue_while_the_grain_is_busy_are_run_together_and_each_caller_gets_its_own_outcome()
    {
        await using var node = new TestNode();
        var grain = node.Runtime.GetGrain<IBatchingGrain>("b");
        var first = grain.TimesTenAsync(1);
        await node.Batches.FirstEntered.Task.WaitAsync(Timeout);

        var queued = new[] { grain.TimesTenAsync(2), grain.TimesTenAsync(-3), grain.TimesTenAsync(4) };
        node.Batches.FirstReleased.SetResult();

        Assert.Equal(10, await first.WaitAsync(Timeout));
        Assert.Equal(20, await queued[0].WaitAsync(Timeout));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => queued[1].WaitAsync(Timeout));
        Assert.Equal(40, await queued[2].WaitAsync(Timeout));
        Assert.Equal([[1], [2, -3, 4]], node.Batches.Batches);
    }

    [Fact]
    public async Task A_batched_call_on_an_idle_grain_runs_alone_at_once()
    {
        await using var node = new TestNode();
        var grain = node.Runtime.GetGrain<IBatchingGrain>("b");
        node.Batches.FirstReleased.SetResult();

        Assert.Equal(70, await grain.TimesTenAsync(7).WaitAsync(Timeout));
        Assert.Equal(80, await grain.TimesTenAsync(8).WaitAsync(Timeout));
        Assert.Equal([[7], [8]], node.Batches.Batches);
    }
}
