namespace Community.Grains.Events;

/// <summary>
/// Hands events to the backplane. Publishing only queues: it never waits for delivery, and
/// events published by one grain are delivered in the order published.
/// </summary>
public interface IEventPublisher
{
    void Publish(ChatEvent chatEvent);
}
