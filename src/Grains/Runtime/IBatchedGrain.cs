using System.Reflection;

namespace Community.Grains.Runtime;

/// <summary>A grain that takes queued calls of its <see cref="BatchedAttribute"/> methods together.</summary>
public interface IBatchedGrain
{
    /// <summary>
    /// Runs the calls, in order, in one turn. Returns one outcome per call: its result, or the
    /// exception that call should fail with. A thrown exception fails them all (a
    /// <see cref="StaleStateException"/> is retried with the same calls on fresh state).
    /// </summary>
    Task<IReadOnlyList<object?>> RunBatchAsync(MethodInfo method, IReadOnlyList<object?[]> calls);
}
