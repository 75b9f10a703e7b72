using Community.Grains.Storage;
using Community.Silo.Storage.Search;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Community.Silo.Storage.Sqlite;

internal static class SqliteStorageServiceCollectionExtensions
{
    /// <summary>The stores over one SQLite file in <c>Community:DataPath</c>: the embedded default, for one node.</summary>
    public static IServiceCollection AddSqliteStorage(this IServiceCollection services)
    {
        services.AddSqliteDatabase();
        services.AddSingleton<ISqlDialect>(SqliteDialect.Instance);
        services.AddSingleton<IMemberStore, MemberStore>();
        services.AddSingleton<IInvitationStore, SqliteInvitationStore>();
        services.AddSingleton<ITokenStore, TokenStore>();
        services.AddSingleton<IRoomStore, SqliteRoomStore>();
        services.AddSingleton<IMessageStore, SqliteMessageStore>();
        services.AddSingleton<IPinStore, PinStore>();
        services.AddSingleton<IMessageSearchStore, SqliteMessageSearchStore>();
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
        services.AddSingleton<IPresenceStore, SqlitePresenceStore>();
        services.AddSingleton<IMailSettingsStore, MailSettingsStore>();
        services.AddSingleton<IMailOutboxStore, MailOutboxStore>();
        services.AddOptions<SqliteSearchMergeOptions>();
        services.AddHostedService<SqliteSearchMerger>();
        return services;
    }

    /// <summary>
    /// The database file and its migrator, once however many callers ask: the stores and the grain
    /// storage and reminder table (<see cref="CommunityStorageSiloBuilderExtensions"/>) share them.
    /// </summary>
    public static IServiceCollection AddSqliteDatabase(this IServiceCollection services)
    {
        services.TryAddSingleton<SqliteDatabase>();
        services.TryAddSingleton<IDbConnectionFactory>(sp => sp.GetRequiredService<SqliteDatabase>());
        services.TryAddSingleton<IStorageMigrator, SqliteMigrator>();
        services.AddStorageMetrics();
        services.AddOptions<SqliteCheckpointOptions>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, SqliteCheckpointer>());
        return services;
    }
}
