using Community.Grains;
using Community.Grains.Storage;
using Community.Grains.Stats;
using Community.Silo.Hosting;
using Community.Silo.Meetups;
using Community.Silo.Presence;
using Community.Silo.Stamps;
using Community.Silo.Stats;
using Community.Silo.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Community.Silo;

public static class SiloServiceCollectionExtensions
{
    /// <summary>
    /// Adds what the grains work with: storage (SQLite or PostgreSQL, migrated at start-up, before
    /// the silo starts), presence and meetup reminders. The host supplies the
    /// <see cref="Grains.Events.IEventPublisher"/> that delivers to connections.
    /// </summary>
    public static IServiceCollection AddCommunitySilo(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<StorageOptions>(configuration.GetSection("Community"));
        services.AddCommunityGrains();

        services.AddCommunityStorage(configuration);
        services.AddHostedService<DefaultStampPack>();

        services.AddSingleton<NodeIdentity>();
        services.AddSingleton<IActivityTracker, ActivityTracker>();
        services.Configure<PresenceOptions>(configuration.GetSection("Community:Presence"));
        services.AddSingleton<PresenceTracker>();
        services.AddHostedService(sp => sp.GetRequiredService<PresenceTracker>());
        services.Configure<MeetupOptions>(configuration.GetSection("Community:Meetups"));
        services.AddHostedService<MeetupReminderService>();

        return services;
    }
}
