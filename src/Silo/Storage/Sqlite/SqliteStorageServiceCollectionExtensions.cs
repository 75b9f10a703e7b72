using Community.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Community.Silo.Storage.Sqlite;

internal static class SqliteStorageServiceCollectionExtensions
{
    /// <summary>The stores over one SQLite file in <c>Community:DataPath</c>: the embedded default, for one node.</summary>
    public static IServiceCollection AddSqliteStorage(this IServiceCollection services)
    {
        services.AddSingleton<SqliteDatabase>();
        services.AddSingleton<IStorageMigrator, SqliteMigrator>();
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
        return services;
    }
}
