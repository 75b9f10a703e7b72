namespace Community.Tests.Grains;

/// <summary>
/// Keeps a room's appends waiting at the message store's door until <see cref="Release"/>: the
/// room's commit is then certainly in flight, for as long as a test needs it to be. Nothing is
/// written while an append waits; once released, the real store writes it as usual.
/// </summary>
internal sealed class AppendHold(string roomId, IReadOnlyList<ObservedMessageStore> stores) : IDisposable
{
    private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string RoomId => roomId;

    /// <summary>Completes when the first append of the room is waiting.</summary>
    public Task Entered => _entered.Task;

    public void Release() => _released.TrySetResult();

    /// <summary>Lets waiting appends go, and later ones pass without waiting.</summary>
    public void Dispose()
    {
        foreach (var store in stores) store.Unhold(this);
        Release();
    }

    internal async Task WaitAsync()
    {
        _entered.TrySetResult();
        await _released.Task;
    }
}
