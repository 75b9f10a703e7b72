namespace Community.Grains.Runtime;

/// <summary>
/// Marks a grain method whose calls, when they queue up while the grain is busy, are handed to
/// the grain together in one turn (<see cref="IBatchedGrain"/>), so it can do their work at
/// once: a room commits the messages queued behind a commit in one transaction.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BatchedAttribute : Attribute;
