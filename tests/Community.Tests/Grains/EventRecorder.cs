using Community.Grains.Events;

namespace Community.Tests.Grains;

/// <summary>
/// The silo's <see cref="IEventPublisher"/> in the grain tests: a TestCluster has no hub to deliver
/// to, so each silo keeps the events its grains publish, in the order they published them.
/// </summary>
internal sealed class EventRecorder : IEventPublisher
{
    private readonly Lock _lock = new();
    private readonly List<ChatEvent> _events = [];

    public IReadOnlyList<ChatEvent> Events
    {
        get
        {
            lock (_lock) return _events.ToArray();
        }
    }

    public void Publish(ChatEvent chatEvent)
    {
        lock (_lock) _events.Add(chatEvent);
    }

    /// <summary>Delivered as soon as recorded: there are no connections to wait for.</summary>
    public Task DeliverAsync(ChatEvent chatEvent)
    {
        Publish(chatEvent);
        return Task.CompletedTask;
    }
}
