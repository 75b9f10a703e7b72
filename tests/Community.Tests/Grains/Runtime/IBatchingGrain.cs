using Community.Grains.Runtime;

namespace Community.Tests.Grains.Runtime;

public interface IBatchingGrain : IGrain
{
    /// <summary>Ten times the value; a negative value is refused.</summary>
    [Batched]
    Task<int> TimesTenAsync(int value);
}
