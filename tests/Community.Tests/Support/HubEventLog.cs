using System.Text;
using System.Text.Json;

namespace Community.Tests.Support;

/// <summary>
/// The events a <see cref="HubTestClient"/> received, and the waits on them. The client's
/// handlers add events, one at a time in arrival order, while tests wait; each event
/// satisfies at most one wait.
/// </summary>
internal sealed class HubEventLog
{
    private const int DescribedEvents = 40;
    private const int DescribedArgumentLength = 300;

    private readonly Lock _lock = new();
    private readonly List<Entry> _events = [];
    private readonly List<Waiter> _waiters = [];
    private string? _closeReason;
    private bool _keeping = true;

    public IReadOnlyList<(string Target, JsonElement Arg)> Snapshot()
    {
        lock (_lock)
        {
            return _events.Select(e => (e.Target, e.Arg)).ToArray();
        }
    }

    public void Add(string target, JsonElement arg)
    {
        lock (_lock)
        {
            var entry = new Entry(target, arg);
            if (_keeping) _events.Add(entry);
            for (var i = 0; i < _waiters.Count; i++)
            {
                var waiter = _waiters[i];
                bool matches;
                try
                {
                    matches = Matches(entry, waiter.Target, waiter.Predicate);
                }
                catch (Exception e)
                {
                    // A broken predicate fails its own wait, never the client's dispatch of events.
                    _waiters.RemoveAt(i--);
                    waiter.Completion.TrySetException(e);
                    continue;
                }

                if (matches)
                {
                    entry.Consumed = true;
                    _waiters.RemoveAt(i);
                    // Continuations run asynchronously, so completing under the lock is safe.
                    waiter.Completion.TrySetResult(arg);
                    break;
                }
            }
        }
    }

    /// <summary>No more events will come: fail the waits in progress instead of letting them time out.</summary>
    public void Close(string reason)
    {
        lock (_lock)
        {
            _closeReason ??= reason;
            foreach (var waiter in _waiters)
            {
                waiter.Completion.TrySetException(ClosedWhileWaiting(waiter.Target));
            }

            _waiters.Clear();
        }
    }

    public async Task<JsonElement> WaitAsync(string target, Func<JsonElement, bool>? predicate, TimeSpan timeout)
    {
        Waiter waiter;
        lock (_lock)
        {
            foreach (var entry in _events)
            {
                if (Matches(entry, target, predicate))
                {
                    entry.Consumed = true;
                    return entry.Arg;
                }
            }

            if (_closeReason is not null)
            {
                throw ClosedWhileWaiting(target);
            }

            waiter = new Waiter(target, predicate, new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously));
            _waiters.Add(waiter);
        }

        try
        {
            return await waiter.Completion.Task.WaitAsync(timeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            lock (_lock)
            {
                _waiters.Remove(waiter);
                if (!waiter.Completion.Task.IsCompleted)
                {
                    throw new TimeoutException(
                        $"No matching '{target}' event within {timeout.TotalSeconds:0.###} s. {DescribeLocked()}");
                }
            }

            // The event (or the close) won the race against the timeout.
            return await waiter.Completion.Task.ConfigureAwait(false);
        }
    }

    /// <summary>The unconsumed events that match, described; null when there are none.</summary>
    public string? DescribeUnconsumed(string target, Func<JsonElement, bool>? predicate)
    {
        lock (_lock)
        {
            var matches = _events.Where(e => Matches(e, target, predicate)).ToList();
            return matches.Count == 0
                ? null
                : string.Join(", ", matches.Select(e => Describe(e)));
        }
    }

    /// <summary>From now on events only meet the waits pending as they arrive; none is kept for later waits or <see cref="Snapshot"/>.</summary>
    public void StopKeeping()
    {
        lock (_lock)
        {
            _keeping = false;
            _events.Clear();
        }
    }

    public void DiscardAll()
    {
        lock (_lock)
        {
            foreach (var entry in _events)
            {
                entry.Consumed = true;
            }
        }
    }

    private HubConnectionClosedException ClosedWhileWaiting(string target) =>
        new($"The connection closed ({_closeReason}) while waiting for a '{target}' event. {DescribeLocked()}");

    private string DescribeLocked()
    {
        if (_events.Count == 0)
        {
            return "No events were received.";
        }

        var text = new StringBuilder($"Received {_events.Count} event(s)");
        var skipped = Math.Max(0, _events.Count - DescribedEvents);
        text.Append(skipped > 0 ? $", the last {DescribedEvents}:" : ":");
        foreach (var entry in _events.Skip(skipped))
        {
            text.Append("\n  ").Append(Describe(entry));
        }

        return text.ToString();
    }

    private static string Describe(Entry entry)
    {
        var arg = entry.Arg.ValueKind == JsonValueKind.Undefined ? "(no argument)" : entry.Arg.GetRawText();
        if (arg.Length > DescribedArgumentLength)
        {
            arg = string.Concat(arg.AsSpan(0, DescribedArgumentLength), "…");
        }

        return $"{entry.Target} {arg}{(entry.Consumed ? " [already consumed]" : "")}";
    }

    private static bool Matches(Entry entry, string target, Func<JsonElement, bool>? predicate)
    {
        if (entry.Consumed || !string.Equals(entry.Target, target, StringComparison.Ordinal))
        {
            return false;
        }

        try
        {
            return predicate?.Invoke(entry.Arg) ?? true;
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or FormatException)
        {
            // A predicate that reads a property the event lacks simply does not match it.
            return false;
        }
    }

    private sealed class Entry(string target, JsonElement arg)
    {
        public string Target { get; } = target;

        public JsonElement Arg { get; } = arg;

        public bool Consumed { get; set; }
    }

    private sealed record Waiter(string Target, Func<JsonElement, bool>? Predicate, TaskCompletionSource<JsonElement> Completion);
}
