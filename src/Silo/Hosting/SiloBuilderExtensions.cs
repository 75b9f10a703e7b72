using Community.Silo.Storage;
using Microsoft.Extensions.Configuration;
using Orleans.Configuration;

namespace Community.Silo.Hosting;

public static class SiloBuilderExtensions
{
    /// <summary>
    /// Makes this process a silo of the network's cluster: one node on its own (localhost
    /// clustering) on SQLite; on PostgreSQL, nodes find each other through the database.
    /// </summary>
    public static ISiloBuilder AddCommunitySilo(this ISiloBuilder silo, IConfiguration configuration)
    {
        var options = configuration.GetSection(OrleansOptions.Section).Get<OrleansOptions>() ?? new OrleansOptions();
        silo.Configure<ClusterOptions>(cluster =>
        {
            cluster.ClusterId = options.ClusterId;
            cluster.ServiceId = options.ServiceId;
        });
        silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort, serviceId: options.ServiceId, clusterId: options.ClusterId);
        silo.Configure<GrainCollectionOptions>(collection => collection.CollectionAge = TimeSpan.FromMinutes(15));
        return silo;
    }
}
