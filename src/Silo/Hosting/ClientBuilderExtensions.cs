using Community.Silo.Delivery;
using Community.Silo.Storage;
using Community.Silo.Storage.Postgres;
using Microsoft.Extensions.Configuration;
using Orleans.Configuration;

namespace Community.Silo.Hosting;

public static class ClientBuilderExtensions
{
    /// <summary>
    /// Makes this process an Orleans client of the network's cluster: it calls grains on silos
    /// running elsewhere, found through the membership table in PostgreSQL (or the local silo's
    /// gateway port on SQLite), and hears their events through the Redis backplane.
    /// </summary>
    public static IClientBuilder AddCommunityClient(this IClientBuilder client, IConfiguration configuration)
    {
        if (new RedisBackplane(configuration).ConnectionString is null)
            throw new InvalidOperationException(
                $"{OrleansOptions.Section}:Mode is 'client': grains run on other nodes and reach this node's connections only through Redis. Set ConnectionStrings:Redis.");
        var options = OrleansOptions.From(configuration);
        client.Configure<ClusterOptions>(options.ApplyTo);
        if (StorageServiceCollectionExtensions.IsPostgres(configuration))
            client.UseAdoNetClustering(clustering =>
            {
                clustering.Invariant = OrleansScripts.Invariant;
                clustering.ConnectionString = PostgresStorageServiceCollectionExtensions.ConnectionString(configuration);
            });
        else
            client.UseLocalhostClustering(options.GatewayPort, options.ServiceId, options.ClusterId);
        return client;
    }
}
