using Community.Grains.Common;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Community.Silo.Hosting;

/// <summary>
/// This node's name in the cluster, under which its hub connections are kept: its silo's address
/// when it hosts a silo (so the cluster's verdict on the silo is the verdict on its connections),
/// else <c>Community:NodeId</c> or a random name, new each start.
/// </summary>
public sealed class NodeIdentity(IServiceProvider services, IConfiguration configuration)
{
    private readonly Lazy<string> _nodeId = new(() =>
        services.GetService<ILocalSiloDetails>()?.SiloAddress.ToParsableString()
        ?? (configuration["Community:NodeId"] is { Length: > 0 } configured ? $"{configured}-{Ids.Random(6)}" : "node-" + Ids.Random(10)));

    public string NodeId => _nodeId.Value;
}
