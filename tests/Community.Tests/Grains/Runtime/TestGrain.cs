using Community.Grains.Runtime;

namespace Community.Tests.Grains.Runtime;

/// <summary>A grain whose plain, unlocked fields are only correct if the runtime runs one call at a time.</summary>
public sealed class TestGrain(GrainProbe probe) : Grain, ITestGrain
{
    private string _loadedFor = "";
    private int _instance;
    private int _count;
    private string _name = "";

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _loadedFor = Key;
        _instance = probe.Activated(Key);
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync()
    {
        probe.Deactivated(Key);
        return Task.CompletedTask;
    }

    public Task<ActivationInfo> DescribeAsync()
    {
        probe.Called(Key);
        return Task.FromResult(new ActivationInfo(Key, _loadedFor, _instance));
    }

    public async Task<int> IncrementAsync()
    {
        probe.EnterCall();
        try
        {
            // A read-modify-write torn by awaits: two interleaved calls would lose an increment.
            var value = _count;
            await Task.Yield();
            await Task.Delay(1);
            _count = value + 1;
            return _count;
        }
        finally
        {
            probe.ExitCall();
        }
    }

    public Task<int> GetCountAsync() => Task.FromResult(_count);

    public async Task SetNameAsync(string name)
    {
        await Task.Yield();
        _name = name;
    }

    public Task<string> GetNameAsync() => Task.FromResult(_name);

    public async Task HoldAsync()
    {
        var gate = probe.GateFor(Key);
        gate.Entered.TrySetResult();
        await gate.Released.Task;
    }

    public async Task FailAsync(string message)
    {
        await Task.Yield();
        throw new TestGrainException(message);
    }

    // Not async: the exception leaves the method itself instead of a faulted task.
    public Task<int> FailBeforeReturningAsync(string message) => throw new TestGrainException(message);
}
