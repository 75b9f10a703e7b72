using System.Net;
using Community.Grains;
using Community.Grains.Meetups;
using Community.Grains.NetworkEvents;
using Community.Grains.Opportunities;
using Community.Silo.Presence;
using Community.Silo.Storage;
using Community.Silo.Storage.Postgres;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;

namespace Community.Silo.Hosting;

public static class SiloBuilderExtensions
{
    /// <summary>
    /// Makes this process a silo of the network's cluster, hosting the grains. On SQLite it is a cluster of one
    /// (localhost clustering); on PostgreSQL the nodes find each other through the database
    /// (ADO.NET clustering) and a dead node's members go offline once the cluster declares it dead.
    /// </summary>
    public static ISiloBuilder AddCommunitySilo(this ISiloBuilder silo, IConfiguration configuration)
    {
        var options = OrleansOptions.From(configuration);
        silo.Configure<ClusterOptions>(options.ApplyTo);
        if (StorageServiceCollectionExtensions.IsPostgres(configuration))
        {
            silo.UseAdoNetClustering(clustering =>
            {
                clustering.Invariant = OrleansScripts.Invariant;
                clustering.ConnectionString = PostgresStorageServiceCollectionExtensions.ConnectionString(configuration);
            });
            silo.ConfigureEndpoints(options.Advertised() ?? IPAddress.Loopback, options.SiloPort, options.GatewayPort, listenOnAnyHostAddress: options.Advertised() is not null);
        }
        else
        {
            silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort, serviceId: options.ServiceId, clusterId: options.ClusterId);
        }
        // Grain state and reminders live in the node's own store.
        silo.UseCommunityStorage(configuration);
        // How fast a node that stopped answering is declared dead (tests shorten it).
        silo.Configure<ClusterMembershipOptions>(configuration.GetSection(OrleansOptions.Section + ":Membership"));
        silo.Services.AddHostedService<DeadNodeSweeper>();
        silo.Services.AddCommunityGrains();
        silo.Services.Configure<MeetupOptions>(configuration.GetSection("Community:Meetups"));
        silo.Services.Configure<EventOptions>(configuration.GetSection(EventOptions.Section));
        silo.Services.Configure<OpportunityOptions>(configuration.GetSection(OpportunityOptions.Section));
        return silo;
    }
}
