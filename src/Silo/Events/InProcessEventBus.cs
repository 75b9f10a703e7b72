using System.Threading.Channels;
using Community.Grains.Events;
using Community.Silo.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Community.Silo.Events;

/// <summary>
/// The backplane of a single node: published events are queued and dispatched by one loop, so
/// they are delivered in the order they were published.
/// </summary>
internal sealed class InProcessEventBus(EventDispatcher dispatcher, NodeIdentity node, ILogger<InProcessEventBus> logger)
    : BackgroundService, IEventPublisher
{
    private readonly Channel<ChatEvent> _queue = Channel.CreateUnbounded<ChatEvent>(new UnboundedChannelOptions { SingleReader = true });

    public void Publish(ChatEvent chatEvent) => _queue.Writer.TryWrite(chatEvent);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var chatEvent in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await dispatcher.DispatchAsync(chatEvent, node.NodeId, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                EventLog.DeliveryFailed(logger, chatEvent.GetType().Name, ex);
            }
        }
    }
}
