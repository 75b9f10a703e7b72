using Community.Gateway.Logging;
using StackExchange.Redis;

namespace Community.Gateway.Hubs;

/// <summary>
/// Closes hub connections wherever they are: a revoked token's, a suspended member's. Alone, a
/// node closes its own; in a cluster every node listens on one Redis channel and closes its own
/// when told, the sender included.
/// </summary>
internal sealed class ConnectionCloser(ConnectionRegistry connections, RedisBackplane backplane, ILogger<ConnectionCloser> logger)
    : BackgroundService
{
    private const string MemberPrefix = "member:";
    private const string TokenPrefix = "token:";

    private ISubscriber? _subscriber;

    public Task CloseMemberAsync(string memberId) => CloseAsync(MemberPrefix + memberId);

    public Task CloseTokenAsync(string tokenHash) => CloseAsync(TokenPrefix + tokenHash);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (backplane.ConnectionString is null) return;
        var redis = await ConnectionMultiplexer.ConnectAsync(backplane.ConnectionString);
        stoppingToken.Register(() => redis.Dispose());
        var subscriber = redis.GetSubscriber();
        await subscriber.SubscribeAsync(backplane.Channel("close"), (_, order) => CloseHere(order.ToString()));
        _subscriber = subscriber;
    }

    private async Task CloseAsync(string order)
    {
        if (backplane.ConnectionString is null)
        {
            CloseHere(order);
            return;
        }
        var subscriber = _subscriber ?? throw new InvalidOperationException("The Redis backplane is not connected yet.");
        await subscriber.PublishAsync(backplane.Channel("close"), order);
    }

    private void CloseHere(string order)
    {
        if (order.StartsWith(MemberPrefix, StringComparison.Ordinal))
            connections.CloseMember(order[MemberPrefix.Length..]);
        else if (order.StartsWith(TokenPrefix, StringComparison.Ordinal) && connections.CloseByToken(order[TokenPrefix.Length..]) is > 0 and var closed)
            GatewayLog.ClosedRevokedConnections(logger, closed);
    }
}
