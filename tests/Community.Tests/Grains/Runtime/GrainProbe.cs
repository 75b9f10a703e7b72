using System.Collections.Concurrent;

namespace Community.Tests.Grains.Runtime;

/// <summary>What the test grains of one node report: activations, calls in flight, gates.</summary>
public sealed class GrainProbe
{
    private readonly ConcurrentQueue<string> _events = new();
    private readonly ConcurrentDictionary<string, Gate> _gates = new();
    private int _instances;
    private int _inFlight;
    private int _maxInFlight;

    /// <summary>"activate k", "call k", "deactivate k" in the order they happened.</summary>
    public IReadOnlyList<string> Events => [.. _events];

    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    public int ActivationsOf(string key) => _events.Count(e => e == $"activate {key}");

    public int DeactivationsOf(string key) => _events.Count(e => e == $"deactivate {key}");

    /// <summary>Records an activation and returns the new instance's number, 1 for the first.</summary>
    public int Activated(string key)
    {
        _events.Enqueue($"activate {key}");
        return Interlocked.Increment(ref _instances);
    }

    public void Deactivated(string key) => _events.Enqueue($"deactivate {key}");

    public void Called(string key) => _events.Enqueue($"call {key}");

    public void EnterCall()
    {
        var inFlight = Interlocked.Increment(ref _inFlight);
        int max;
        while (inFlight > (max = Volatile.Read(ref _maxInFlight)))
            Interlocked.CompareExchange(ref _maxInFlight, inFlight, max);
    }

    public void ExitCall() => Interlocked.Decrement(ref _inFlight);

    public Gate GateFor(string key) => _gates.GetOrAdd(key, static _ => new Gate());

    public sealed class Gate
    {
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Released { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
