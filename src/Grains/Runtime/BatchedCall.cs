namespace Community.Grains.Runtime;

/// <summary>A call of a batched method waiting for the grain, and the caller's answer.</summary>
internal sealed class BatchedCall(object?[] args)
{
    public object?[] Args { get; } = args;

    public TaskCompletionSource<object?> Outcome { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Complete(object? outcome)
    {
        if (outcome is Exception failure) Outcome.TrySetException(failure);
        else Outcome.TrySetResult(outcome);
    }
}
