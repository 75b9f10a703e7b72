using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Community.Grains.Errors;
using Microsoft.Extensions.Options;

namespace Community.Gateway.Auth;

/// <summary>
/// Runs password hashing (a deliberately slow 600,000-round PBKDF2, about a quarter of a second of
/// a core each) on a few threads of its own, outside the thread pool that serves sends and
/// deliveries: at most <c>Community:Limits:PasswordHashConcurrency</c> hashes at once (one per
/// core but one, by default), and a queue of <c>PasswordHashQueue</c> waiting. When the queue is
/// full, more sign-ins are refused with <c>rate_limited</c> at once rather than piling up.
/// A concurrency of 0 hashes on the request's own thread, unbounded. The meter
/// <c>Community.Auth</c> counts the hashes run and the sign-ins refused for a full queue.
/// </summary>
public sealed class PasswordHashPool : IDisposable
{
    /// <summary>What a refused caller is told to wait: about the time the queue takes to drain a little.</summary>
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(2);

    public const string MeterName = "Community.Auth";

    private readonly BlockingCollection<Action>? _queue;
    private readonly Thread[] _threads;
    private readonly Counter<long> _hashes;
    private readonly Counter<long> _refusals;

    public PasswordHashPool(IOptions<CommunityLimits> limits, IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _hashes = meter.CreateCounter<long>("community.auth.password_hashes", description: "Password hashes computed (sign-up, sign-in)");
        _refusals = meter.CreateCounter<long>("community.auth.password_hash_refusals", description: "Sign-ins and sign-ups refused because the hashing queue was full");
        var concurrency = limits.Value.PasswordHashConcurrency;
        if (concurrency == 0)
        {
            _threads = [];
            return;
        }
        _queue = new BlockingCollection<Action>(limits.Value.PasswordHashQueue);
        _threads = Enumerable.Range(1, concurrency).Select(n => new Thread(Work) { IsBackground = true, Name = $"password hashing {n}" }).ToArray();
        foreach (var thread in _threads) thread.Start();
    }

    /// <summary>
    /// Runs <paramref name="hash"/> on the pool; <c>rate_limited</c> when the queue is full. A hash
    /// whose caller has gone (<paramref name="abandoned"/>, the client closed the request) by its
    /// turn is skipped.
    /// </summary>
    public Task<T> RunAsync<T>(Func<T> hash, CancellationToken abandoned = default)
    {
        if (_queue is null) return Task.FromResult(Counted(hash));
        var outcome = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var queued = _queue.TryAdd(() =>
        {
            if (abandoned.IsCancellationRequested)
            {
                outcome.SetCanceled(abandoned);
                return;
            }
            try
            {
                outcome.SetResult(Counted(hash));
            }
            catch (Exception e)
            {
                outcome.SetException(e);
            }
        });
        if (queued) return outcome.Task;
        _refusals.Add(1);
        throw CommunityException.RateLimited($"too many sign-ins at once: try again in {RetryAfter.TotalSeconds:0} s", RetryAfter);
    }

    private T Counted<T>(Func<T> hash)
    {
        _hashes.Add(1);
        return hash();
    }

    private void Work()
    {
        foreach (var hash in _queue!.GetConsumingEnumerable()) hash();
    }

    public void Dispose()
    {
        // The threads finish what was queued, then end; the queue is left to the collector should one
        // still be hashing, rather than disposed under it.
        _queue?.CompleteAdding();
        if (_threads.All(thread => thread.Join(TimeSpan.FromSeconds(5)))) _queue?.Dispose();
    }
}
