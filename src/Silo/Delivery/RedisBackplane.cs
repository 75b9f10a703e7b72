using Community.Silo.Hosting;
using Microsoft.Extensions.Configuration;
using StackExchange.Redis;

namespace Community.Silo.Delivery;

/// <summary>
/// The Redis server that carries hub events between the nodes of a cluster
/// (<c>ConnectionStrings:Redis</c>; none for a node on its own). Channels are named after the
/// cluster, so clusters that share one Redis server do not hear each other.
/// </summary>
public sealed class RedisBackplane(IConfiguration configuration)
{
    private readonly string _prefix = $"community:{OrleansOptions.From(configuration).ClusterId}:";

    public string? ConnectionString { get; } = configuration.GetConnectionString("Redis") is { Length: > 0 } redis ? redis : null;

    /// <summary>What SignalR's backplane puts before its own channel names.</summary>
    public RedisChannel ChannelPrefix => RedisChannel.Literal(_prefix);

    public RedisChannel Channel(string name) => RedisChannel.Literal(_prefix + name);
}
