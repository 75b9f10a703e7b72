using Community.Grains.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Community.Silo.Storage.Postgres;

internal static class PostgresStorageServiceCollectionExtensions
{
    /// <summary>The stores over the PostgreSQL database of <c>ConnectionStrings:Postgres</c>, which several nodes may share.</summary>
    public static IServiceCollection AddPostgresStorage(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString("Postgres");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                "Community:Storage:Provider is 'postgres' but ConnectionStrings:Postgres is not set; give it, e.g. as the environment variable " +
                "ConnectionStrings__Postgres=\"Host=db.example;Database=community;Username=community;Password=…\".");
        }
        services.AddSingleton(sp => new PostgresDatabase(connectionString, sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton<IDbConnectionFactory>(sp => sp.GetRequiredService<PostgresDatabase>());
        services.AddSingleton<ISqlDialect>(PostgresDialect.Instance);
        services.AddSingleton<IStorageMigrator, PostgresMigrator>();
        services.AddSingleton<IMemberStore, MemberStore>();
        services.AddSingleton<IInvitationStore, PostgresInvitationStore>();
        services.AddSingleton<ITokenStore, TokenStore>();
        services.AddSingleton<IRoomStore, PostgresRoomStore>();
        services.AddSingleton<IMessageStore, PostgresMessageStore>();
        services.AddSingleton<IStampStore, StampStore>();
        services.AddSingleton<IMeetupStore, PostgresMeetupStore>();
        services.AddSingleton<IReportStore, ReportStore>();
        services.AddSingleton<IStatsStore, StatsStore>();
        services.AddSingleton<IPresenceStore, PostgresPresenceStore>();
        return services;
    }
}
