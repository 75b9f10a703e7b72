namespace Community.Grains.Runtime;

/// <summary>
/// One live instance of a grain. Calls take turns: a call starts only when the previous one
/// has finished, awaits included, which is what lets grain code go without locks.
/// </summary>
internal sealed class GrainActivation(GrainId id, Func<Grain> create, GrainRuntimeOptions options, TimeProvider time)
{
    private readonly SemaphoreSlim _turn = new(1, 1);
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
                }
            }
        }
        finally
        {
            Volatile.Write(ref _lastUsed, time.GetTimestamp());
            _turn.Release();
        }
    }

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
