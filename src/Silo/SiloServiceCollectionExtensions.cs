using Community.Grains;
using Community.Grains.Events;
using Community.Grains.Storage;
using Community.Silo.Events;
using Community.Grains.Stats;
using Community.Silo.Hosting;
using Community.Silo.Meetups;
using Community.Silo.Stamps;
using Community.Silo.Stats;
using Community.Silo.Storage;
using Community.Silo.Storage.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Community.Silo;

public static class SiloServiceCollectionExtensions
{
    /// <summary>
    /// Adds the grains, their storage (SQLite or PostgreSQL, migrated at start-up) and the single-node backplane.
    /// The host supplies the <see cref="IEventSink"/> that delivers to its connections.
    /// </summary>
    public static IServiceCollection AddCommunitySilo(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<StorageOptions>(configuration.GetSection("Community"));
        services.AddCommunityGrains();

        services.AddCommunityStorage(configuration);
        services.AddHostedService<DefaultStampPack>();

        services.AddSingleton<IActivityTracker, ActivityTracker>();
        services.Configure<MeetupOptions>(configuration.GetSection("Community:Meetups"));
        services.AddHostedService<MeetupReminderService>();

        services.AddSingleton<InProcessEventBus>();
        services.AddSingleton<IEventPublisher>(sp => sp.GetRequiredService<InProcessEventBus>());
        services.AddHostedService(sp => sp.GetRequiredService<InProcessEventBus>());
        return services;
    }
}
