namespace Community.Grains.Events;

/// <summary>
/// Hands a grain's events to the connections that must hear them. Events published by one grain
/// are delivered in the order published.
/// </summary>
public interface IEventPublisher
{
    /// <summary>Queues the event; never waits for delivery.</summary>
    void Publish(ChatEvent chatEvent);

    /// <summary>
    /// Queues the event behind those published before it and completes once it is delivered:
    /// after a <see cref="MembershipChanged"/>, the member's open connections hear the room.
    /// </summary>
    Task DeliverAsync(ChatEvent chatEvent);
}
