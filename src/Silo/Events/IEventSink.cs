using Community.Grains.Events;

namespace Community.Silo.Events;

/// <summary>Where a node's backplane hands the events it receives: the node's own connections.</summary>
public interface IEventSink
{
    Task DeliverAsync(ChatEvent chatEvent, CancellationToken cancellationToken);
}
