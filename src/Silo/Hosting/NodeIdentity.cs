using Community.Grains.Common;
using Microsoft.Extensions.Configuration;

namespace Community.Silo.Hosting;

/// <summary>This node's name in the cluster (<c>Community:NodeId</c>, or a random one per start).</summary>
public sealed class NodeIdentity(IConfiguration configuration)
{
    public string NodeId { get; } = configuration["Community:NodeId"] is { Length: > 0 } configured
        ? $"{configured}-{Ids.Random(6)}"
        : "node-" + Ids.Random(10);
}
