using Microsoft.Extensions.Hosting;
using StackExchange.Redis;

namespace Community.Silo.Delivery;

/// <summary>
/// Carries orders to close connections (a revoked token, a suspended member) to the nodes that
/// hold connections. Alone, a node hands them straight to its own hub; in a cluster, every node
/// listens on one Redis channel and hears every order, its own included.
/// </summary>
public sealed class ConnectionOrders(RedisBackplane backplane) : IHostedService, IAsyncDisposable
{
    private ConnectionMultiplexer? _redis;

    /// <summary>Raised for each order that reaches this node.</summary>
    public event Action<ConnectionOrder>? Received;

    public async Task SendAsync(ConnectionOrder order)
    {
        if (backplane.ConnectionString is null)
        {
            Received?.Invoke(order);
            return;
        }
        var redis = _redis ?? throw new InvalidOperationException("The Redis backplane is not connected yet.");
        await redis.GetSubscriber().PublishAsync(backplane.Channel("orders"), order.ToWire());
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (backplane.ConnectionString is null) return;
        _redis = await ConnectionMultiplexer.ConnectAsync(backplane.ConnectionString);
        await _redis.GetSubscriber().SubscribeAsync(backplane.Channel("orders"), (_, wire) =>
        {
            if (ConnectionOrder.FromWire(wire.ToString()) is { } order) Received?.Invoke(order);
        });
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_redis is not null) await _redis.DisposeAsync();
    }
}
