namespace Community.Tests.Grains.Runtime;

/// <summary>What batches a <see cref="BatchingGrain"/> ran, and a gate that holds its first batch.</summary>
public sealed class BatchLog
{
    private readonly List<int[]> _batches = [];

    public TaskCompletionSource FirstEntered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource FirstReleased { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<int[]> Batches
    {
        get { lock (_batches) return [.. _batches]; }
    }

    public void Ran(int[] values)
    {
        lock (_batches) _batches.Add(values);
    }
}
