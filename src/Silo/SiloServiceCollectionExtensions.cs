using Community.Grains;
using Community.Grains.Events;
using Community.Grains.Storage;
using Community.Silo.Events;
using Community.Grains.Stats;
using Community.Silo.Hosting;
using Community.Silo.Meetups;
using Community.Silo.Presence;
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
    /// Adds the grains, their SQLite storage (migrated at start-up) and the single-node backplane.
    /// The host supplies the <see cref="IEventSink"/> that delivers to its connections.
    /// </summary>
    public static IServiceCollection AddCommunitySilo(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<StorageOptions>(configuration.GetSection("Community"));
        services.AddCommunityGrains();

        services.AddSingleton<SqliteDatabase>();
        services.AddSingleton<SqliteMigrator>();
        services.AddHostedService<MigrationService>();
        services.AddSingleton<IMemberStore, SqliteMemberStore>();
        services.AddSingleton<IInvitationStore, SqliteInvitationStore>();
        services.AddSingleton<ITokenStore, SqliteTokenStore>();
        services.AddSingleton<IRoomStore, SqliteRoomStore>();
        services.AddSingleton<IMessageStore, SqliteMessageStore>();
        services.AddSingleton<IStampStore, SqliteStampStore>();
        services.AddSingleton<IMeetupStore, SqliteMeetupStore>();
        services.AddSingleton<IReportStore, SqliteReportStore>();
        services.AddSingleton<IStatsStore, SqliteStatsStore>();
        services.AddSingleton<IPresenceStore, SqlitePresenceStore>();
        services.AddHostedService<DefaultStampPack>();

        // The backplane starts before, and stops after, the services that publish to it.
        services.AddSingleton<NodeIdentity>();
        services.AddBackplane(configuration, postgres: string.Equals(configuration["Community:Storage:Provider"], "postgres", StringComparison.OrdinalIgnoreCase));
        services.AddSingleton<IActivityTracker, ActivityTracker>();
        services.Configure<PresenceOptions>(configuration.GetSection("Community:Presence"));
        services.AddSingleton<PresenceTracker>();
        services.AddHostedService(sp => sp.GetRequiredService<PresenceTracker>());
        services.Configure<MeetupOptions>(configuration.GetSection("Community:Meetups"));
        services.AddHostedService<MeetupReminderService>();

        return services;
    }
}
