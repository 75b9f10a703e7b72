using Community.Grains.Runtime;

namespace Community.Tests.Grains.Runtime;

/// <summary>A grain with persisted, versioned state in a <see cref="VersionedStore"/>.</summary>
public sealed class CounterGrain(VersionedStore store, GrainProbe probe) : Grain, ICounterGrain
{
    private int _value;
    private long _version;
    private int _instance;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (_value, _version) = store.Read(Key);
        _instance = probe.Activated(Key);
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync()
    {
        probe.Deactivated(Key);
        return Task.CompletedTask;
    }

    public async Task<int> IncrementAsync()
    {
        await Task.Yield();
        var next = _value + 1;
        _version = store.Write(Key, next, _version);
        _value = next;
        return next;
    }

    public Task<CounterSnapshot> GetAsync() => Task.FromResult(new CounterSnapshot(_value, _version, _instance));
}
