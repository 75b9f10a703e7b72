using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Community.Tests.Support;

namespace Community.Bench;

/// <summary>
/// One receiving connection of the room. It watches every <c>message</c> event as it arrives: the
/// hub client runs a pending wait's predicate as each event is handed to it, so a predicate that
/// only takes notes, and never matches, time-stamps each arrival; the wait ends with the connection. It notes the
/// seq of every message of its room, for the delivery check, and the connection keeps no event itself (a long run
/// hears hundreds of thousands, which the load client's GC would otherwise carry). A measured message carries the
/// timestamp of its send call in its text (<see cref="Text"/>).
/// </summary>
internal sealed class Receiver
{
    private readonly HubTestClient _hub;
    private readonly string _roomId;
    private readonly Lock _lock = new();
    private readonly List<long> _latencies = [];
    private readonly List<long> _arrivals = [];
    private readonly List<long> _seqs = [];
    private readonly List<(int Count, TaskCompletionSource Reached)> _waits = [];
    private int _count;
    private long _lastArrival;

    public Receiver(HubTestClient hub, string roomId)
    {
        (_hub, _roomId) = (hub, roomId);
        hub.StopKeepingEvents();
        // Fails when the connection closes: seen here, so it is not an unobserved exception.
        _ = hub.WaitForEventAsync("message", Observe, Timeout.InfiniteTimeSpan)
            .ContinueWith(t => t.Exception, TaskContinuationOptions.OnlyOnFaulted);
    }

    public HubTestClient Hub => _hub;

    public int Count
    {
        get { lock (_lock) return _count; }
    }

    public long LastArrival
    {
        get { lock (_lock) return _lastArrival; }
    }

    /// <summary>The seq of every message of the room received, in arrival order.</summary>
    public IReadOnlyList<long> Seqs
    {
        get { lock (_lock) return _seqs.ToArray(); }
    }

    /// <summary>From send call to arrival here, for the measured messages, in Stopwatch ticks.</summary>
    public IReadOnlyList<long> Latencies
    {
        get { lock (_lock) return _latencies.ToArray(); }
    }

    /// <summary>When each measured message arrived here, in Stopwatch ticks, in arrival order.</summary>
    public IReadOnlyList<long> Arrivals
    {
        get { lock (_lock) return _arrivals.ToArray(); }
    }

    /// <summary>Forgets the latencies and arrivals noted so far: the next phase is measured on its own.</summary>
    public void ResetMeasurements()
    {
        lock (_lock)
        {
            _latencies.Clear();
            _arrivals.Clear();
        }
    }

    public Task WaitForCountAsync(int count, TimeSpan timeout)
    {
        lock (_lock)
        {
            if (_count >= count) return Task.CompletedTask;
            var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waits.Add((count, reached));
            return reached.Task.WaitAsync(timeout);
        }
    }

    private bool Observe(JsonElement message)
    {
        var now = Stopwatch.GetTimestamp();
        if (!message.TryGetProperty("roomId", out var room) || room.GetString() != _roomId) return false;
        lock (_lock)
        {
            _count++;
            _lastArrival = now;
            _seqs.Add(message.GetProperty("seq").GetInt64());
            if (Text.SentAt(message) is { } sentAt)
            {
                _latencies.Add(now - sentAt);
                _arrivals.Add(now);
            }
            foreach (var wait in _waits.Where(w => w.Count <= _count).ToArray())
            {
                _waits.Remove(wait);
                wait.Reached.TrySetResult();
            }
            return false;
        }
    }

    /// <summary>Message texts: the phase, then for a measured message the Stopwatch timestamp of its send call.</summary>
    public static class Text
    {
        public const string Warmup = "warmup";
        public const string Measured = "measured";

        public static string Of(string phase, long sentAt, string from) =>
            string.Create(CultureInfo.InvariantCulture, $"{phase} {sentAt} 久しぶり！元気にしてる？ ({from})");

        public static long? SentAt(JsonElement message)
        {
            var parts = message.TryGetProperty("text", out var text) ? text.GetString()?.Split(' ', 3) : null;
            return parts is [Measured, var stamp, ..] && long.TryParse(stamp, NumberStyles.None, CultureInfo.InvariantCulture, out var sentAt)
                ? sentAt
                : null;
        }
    }
}
