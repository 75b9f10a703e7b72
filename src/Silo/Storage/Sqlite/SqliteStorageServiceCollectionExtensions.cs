using Community.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Community.Silo.Storage.Sqlite;

internal static class SqliteStorageServiceCollectionExtensions
{
    /// <summary>The stores over one SQLite file in <c>Community:DataPath</c>: the embedded default, for one node.</summary>
    public static IServiceCollection AddSqliteStorage(this IServiceCollection services)
    {
        services.AddSingleton<SqliteDatabase>();
        services.AddSingleton<IDbConnectionFactory>(sp => sp.GetRequiredService<SqliteDatabase>());
        services.AddSingleton<ISqlDialect>(SqliteDialect.Instance);
        services.AddSingleton<IStorageMigrator, SqliteMigrator>();
        services.AddSingleton<IMemberStore, MemberStore>();
        services.AddSingleton<IInvitationStore, SqliteInvitationStore>();
        services.AddSingleton<ITokenStore, TokenStore>();
        services.AddSingleton<IRoomStore, SqliteRoomStore>();
        services.AddSingleton<IMessageStore, SqliteMessageStore>();
        services.AddSingleton<IStampStore, StampStore>();
        services.AddSingleton<IMeetupStore, SqliteMeetupStore>();
        services.AddSingleton<IReportStore, ReportStore>();
        services.AddSingleton<IStatsStore, StatsStore>();
        services.AddSingleton<IPresenceStore, SqlitePresenceStore>();
        return services;
    }
}
