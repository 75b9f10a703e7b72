using System.Collections.Concurrent;
using System.Reflection;

namespace Community.Grains.Runtime;

/// <summary>
/// One live instance of a grain. Calls take turns: a call starts only when the previous one
/// has finished, awaits included, which is what lets grain code go without locks.
/// </summary>
internal sealed class GrainActivation(GrainId id, Func<Grain> create, GrainRuntimeOptions options, TimeProvider time)
{
    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly ConcurrentDictionary<MethodInfo, ConcurrentQueue<BatchedCall>> _batched = new();
    private Grain? _instance;
    private bool _retired;
    private int _stale;
    private long _lastUsed = time.GetTimestamp();

    public GrainId Id => id;

    public TimeSpan IdleFor => time.GetElapsedTime(Volatile.Read(ref _lastUsed));

    public async Task<T> RunTurnAsync<T>(Func<Grain, Task<T>> call)
    {
        await _turn.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_retired) throw new ActivationRetiredException();
            if (Interlocked.Exchange(ref _stale, 0) == 1 && _instance is { } outdated)
            {
                _instance = null;
                await outdated.OnDeactivateAsync().ConfigureAwait(false);
            }
            for (var attempt = 0; ; attempt++)
            {
                var grain = await ActivateAsync().ConfigureAwait(false);
                try
                {
                    return await call(grain).ConfigureAwait(false);
                }
                catch (StaleStateException)
                {
                    // The state this instance holds is behind storage: the next call starts from a fresh load.
                    _instance = null;
                    await grain.OnDeactivateAsync().ConfigureAwait(false);
                    if (attempt >= options.StaleRetries) throw;
                    await Task.Delay(StaleBackoff(attempt), time).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            Volatile.Write(ref _lastUsed, time.GetTimestamp());
            _turn.Release();
        }
    }

    /// <summary>
    /// Queues a call of a batched method and takes a turn: the turn runs every call of that
    /// method queued by then, this one included, unless an earlier turn took this call along.
    /// </summary>
    public async Task<object?> RunBatchedAsync(MethodInfo method, object?[] args)
    {
        var call = new BatchedCall(args);
        var queue = _batched.GetOrAdd(method, static _ => new());
        queue.Enqueue(call);
        List<BatchedCall>? taken = null;
        try
        {
            await RunTurnAsync(async grain =>
            {
                // Kept across retries on fresh state: the calls taken are the same calls.
                taken ??= Drain(queue);
                if (taken.Count == 0) return true;
                var outcomes = await ((IBatchedGrain)grain).RunBatchAsync(method, taken.Select(c => c.Args).ToArray()).ConfigureAwait(false);
                for (var i = 0; i < taken.Count; i++) taken[i].Complete(outcomes[i]);
                return true;
            }).ConfigureAwait(false);
        }
        catch (ActivationRetiredException)
        {
            // Nobody will take the calls still queued here: they go to the next activation.
            foreach (var waiting in Drain(queue)) waiting.Complete(new ActivationRetiredException());
        }
        catch (Exception failure)
        {
            // Failed before anything was taken (the grain would not activate): the queued calls fail alike.
            foreach (var failed in taken ?? Drain(queue)) failed.Complete(failure);
        }
        return await call.Outcome.Task.ConfigureAwait(false);
    }

    private static List<BatchedCall> Drain(ConcurrentQueue<BatchedCall> queue)
    {
        var calls = new List<BatchedCall>();
        while (queue.TryDequeue(out var next)) calls.Add(next);
        return calls;
    }

    /// <summary>Nothing the first time; then up to a few milliseconds per attempt, so racing writers fall out of step.</summary>
    private static TimeSpan StaleBackoff(int attempt) =>
        attempt == 0 ? TimeSpan.Zero : TimeSpan.FromMilliseconds(Random.Shared.Next(0, 2 * Math.Min(attempt, 10)));

    /// <summary>Makes the next call start from freshly loaded state; a call running now is not disturbed.</summary>
    public void MarkStale() => Interlocked.Exchange(ref _stale, 1);

    /// <summary>Retires the activation if it is idle; false when a call is running or arrived meanwhile.</summary>
    public async Task<bool> TryRetireAsync(TimeSpan idleTimeout)
    {
        if (!await _turn.WaitAsync(0).ConfigureAwait(false)) return false;
        try
        {
            if (_retired) return true;
            if (IdleFor < idleTimeout) return false;
            _retired = true;
            var instance = _instance;
            _instance = null;
            if (instance is not null) await instance.OnDeactivateAsync().ConfigureAwait(false);
            return true;
        }
        finally
        {
            _turn.Release();
        }
    }

    private async Task<Grain> ActivateAsync()
    {
        if (_instance is not null) return _instance;
        var grain = create();
        grain.Key = id.Key;
        await grain.OnActivateAsync(CancellationToken.None).ConfigureAwait(false);
        _instance = grain;
        return grain;
    }
}
