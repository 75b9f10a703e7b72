using Community.Grains.Runtime;

namespace Community.Tests.Grains.Runtime;

public interface ICounterGrain : IGrain
{
    Task<int> IncrementAsync();

    Task<CounterSnapshot> GetAsync();
}
