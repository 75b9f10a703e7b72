using Community.Grains.Storage;
using Community.Silo.Storage.Search;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Community.Silo.Storage.Postgres;

internal static class PostgresStorageServiceCollectionExtensions
{
    /// <summary>The stores over the PostgreSQL database of <c>ConnectionStrings:Postgres</c>, which several nodes may share.</summary>
    public static IServiceCollection AddPostgresStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddPostgresDatabase(ConnectionString(configuration));
        services.AddSingleton<ISqlDialect>(PostgresDialect.Instance);
        services.AddSingleton<IMemberStore, MemberStore>();
        services.AddSingleton<IInvitationStore, PostgresInvitationStore>();
        services.AddSingleton<ITokenStore, TokenStore>();
        services.AddSingleton<IRoomStore, PostgresRoomStore>();
        services.AddSingleton<IMessageStore, PostgresMessageStore>();
        services.AddSingleton<IPinStore, PinStore>();
        services.AddSingleton<IMessageSearchStore, PostgresMessageSearchStore>();
        services.AddSingleton<IStampStore, StampStore>();
        services.AddSingleton<IMeetupStore, MeetupStore>();
        services.AddSingleton<INetworkEventStore, NetworkEventStore>();
        services.AddSingleton<IOpportunityStore, OpportunityStore>();
        services.AddSingleton<ICalendarFeedStore, CalendarFeedStore>();
        services.AddSingleton<IPollStore, PollStore>();
        services.AddSingleton<ISurveyStore, SurveyStore>();
        services.AddSingleton<IReportStore, ReportStore>();
        services.AddSingleton<IAuditStore, AuditStore>();
        services.AddSingleton<IStatsStore, StatsStore>();
        services.AddSingleton<IPresenceStore, PostgresPresenceStore>();
        services.AddSingleton<IMailSettingsStore, MailSettingsStore>();
        services.AddSingleton<IMailOutboxStore, MailOutboxStore>();
        return services;
    }

    /// <summary>
    /// The database and its migrator, once however many callers ask: the stores and Orleans' providers
    /// (<see cref="CommunityStorageSiloBuilderExtensions"/>) share one pool and one migrator.
    /// </summary>
    public static IServiceCollection AddPostgresDatabase(this IServiceCollection services, string connectionString)
    {
        services.TryAddSingleton(sp => new PostgresDatabase(connectionString, sp.GetRequiredService<ILoggerFactory>()));
        services.TryAddSingleton<IDbConnectionFactory>(sp => sp.GetRequiredService<PostgresDatabase>());
        services.TryAddSingleton<IStorageMigrator, PostgresMigrator>();
        return services;
    }

    /// <summary>The connection string of <c>ConnectionStrings:Postgres</c>; a node told to use PostgreSQL without one stops at start-up.</summary>
    public static string ConnectionString(IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString("Postgres");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                "Community:Storage:Provider is 'postgres' but ConnectionStrings:Postgres is not set; give it, e.g. as the environment variable " +
                "ConnectionStrings__Postgres=\"Host=db.example;Database=community;Username=community;Password=…\".");
        }
        return connectionString;
    }
}
