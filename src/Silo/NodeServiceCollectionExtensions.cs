using Community.Grains.Stats;
using Community.Silo.Delivery;
using Community.Silo.Hosting;
using Community.Silo.Mail;
using Community.Silo.Presence;
using Community.Silo.Stamps;
using Community.Silo.Stats;
using Community.Silo.Storage;
using Community.Silo.Storage.Sqlite;
using Community.Silo.Storage.TextCheck;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Community.Silo;

public static class NodeServiceCollectionExtensions
{
    /// <summary>
    /// What every node of a network runs, whether it hosts grains, hub connections or both:
    /// storage (SQLite or PostgreSQL, migrated at start-up, before a silo starts, then its text read
    /// against the text rules once per version of them), the default
    /// stamps, activity counts, the node's presence heartbeat, delivery to hub connections, and e-mail
    /// (the outbox's sender and the digest check, idle while mail is off).
    /// </summary>
    public static IServiceCollection AddCommunityNode(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<StorageOptions>(configuration.GetSection("Community"));
        services.Configure<SqliteCheckpointOptions>(configuration.GetSection(SqliteCheckpointOptions.Section));
        services.Configure<SqliteSearchMergeOptions>(configuration.GetSection(SqliteSearchMergeOptions.Section));
        services.AddCommunityStorage(configuration);
        services.AddHostedService<StoredTextCheck>();
        services.AddHostedService<DefaultStampPack>();
        services.AddSingleton<NodeIdentity>();
        services.AddSingleton<IActivityTracker, ActivityTracker>();
        services.Configure<PresenceOptions>(configuration.GetSection("Community:Presence"));
        services.AddSingleton<PresenceTracker>();
        services.AddHostedService(sp => sp.GetRequiredService<PresenceTracker>());
        services.AddHubDelivery(configuration);
        services.AddCommunityMail(configuration);
        return services;
    }
}
