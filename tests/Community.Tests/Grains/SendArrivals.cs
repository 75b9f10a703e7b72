using Community.Grains.Conversations;
using Orleans;

namespace Community.Tests.Grains;

/// <summary>
/// Counts the sends that have reached each conversation grain's activation on this silo and are
/// in its queue, so a test can wait for all of its sends to be in the room before it lets a
/// held commit go. It only watches: every call runs as it would without it.
/// </summary>
internal sealed class SendArrivals : IIncomingGrainCallFilter
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, int> _arrived = [];
    private readonly List<Waiter> _waiters = [];

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        if (context.Grain is not IConversationGrain || context.MethodName != nameof(IConversationGrain.SendAsync))
        {
            await context.Invoke();
            return;
        }
        // The call runs synchronously up to its first wait, and a send queues before it waits:
        // once Invoke returns, the send is in the room's queue.
        var invoked = context.Invoke();
        Arrived(context.TargetId.Key.ToString()!);
        await invoked;
    }

    /// <summary>Completes once <paramref name="count"/> sends have reached the room on this silo, now or later.</summary>
    public Task WaitForAsync(string roomId, int count)
    {
        lock (_lock)
        {
            if (_arrived.GetValueOrDefault(roomId) >= count) return Task.CompletedTask;
            var waiter = new Waiter(roomId, count);
            _waiters.Add(waiter);
            return waiter.Reached.Task;
        }
    }

    private void Arrived(string roomId)
    {
        Waiter[] reached;
        lock (_lock)
        {
            var arrived = _arrived[roomId] = _arrived.GetValueOrDefault(roomId) + 1;
            reached = _waiters.Where(w => w.RoomId == roomId && w.Count <= arrived).ToArray();
            foreach (var waiter in reached) _waiters.Remove(waiter);
        }
        foreach (var waiter in reached) waiter.Reached.TrySetResult();
    }

    private sealed record Waiter(string RoomId, int Count)
    {
        public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
