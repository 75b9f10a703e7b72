using System.Reflection;
using Community.Grains.Runtime;

namespace Community.Tests.Grains.Runtime;

public sealed class BatchingGrain(BatchLog log) : Grain, IBatchingGrain, IBatchedGrain
{
    private bool _first = true;

    public Task<int> TimesTenAsync(int value) => throw new InvalidOperationException("A batched method is run through RunBatchAsync.");

    public async Task<IReadOnlyList<object?>> RunBatchAsync(MethodInfo method, IReadOnlyList<object?[]> calls)
    {
        var values = calls.Select(c => (int)c[0]!).ToArray();
        log.Ran(values);
        if (_first)
        {
            _first = false;
            log.FirstEntered.TrySetResult();
            await log.FirstReleased.Task;
        }
        return values.Select(v => v < 0 ? (object)new ArgumentOutOfRangeException(nameof(v), "negative") : v * 10).ToArray();
    }
}
