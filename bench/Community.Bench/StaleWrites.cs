using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using Community.Grains.Runtime;

namespace Community.Bench;

/// <summary>
/// Counts the writes storage refused as stale while a scenario runs: each one an append race
/// that an activation lost and retried. Seen from outside, through first-chance exceptions (an
/// exception rethrown up the awaits counts once).
/// </summary>
internal sealed class StaleWrites : IDisposable
{
    private readonly ConditionalWeakTable<Exception, object> _seen = [];
    private int _count;

    public StaleWrites() => AppDomain.CurrentDomain.FirstChanceException += OnThrown;

    public int Count => Volatile.Read(ref _count);

    public void Dispose() => AppDomain.CurrentDomain.FirstChanceException -= OnThrown;

    private void OnThrown(object? sender, FirstChanceExceptionEventArgs e)
    {
        if (e.Exception is StaleStateException stale && _seen.TryAdd(stale, this)) Interlocked.Increment(ref _count);
    }
}
