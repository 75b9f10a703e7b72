using Community.Silo.Storage.Postgres;
using Community.Silo.Storage.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Community.Silo.Storage;

/// <summary>Where a silo keeps its grains' state and reminders: the store the node's relational data is in.</summary>
public static class CommunityStorageSiloBuilderExtensions
{
    /// <summary>The grain storage provider grains name in <c>[PersistentState(stateName, "community")]</c>.</summary>
    public const string GrainStorageName = Grains.Common.GrainStorage.Name;

    /// <summary>
    /// Adds the grain storage provider <see cref="GrainStorageName"/> and durable reminders on the store
    /// that <c>Community:Storage:Provider</c> names: on <c>sqlite</c> (the default) our own provider and
    /// reminder table over the SQLite file in <c>Community:DataPath</c>; on <c>postgres</c> Orleans' ADO.NET
    /// provider and reminder table over <c>ConnectionStrings:Postgres</c>. The database is migrated
    /// (with Orleans' ADO.NET scripts on PostgreSQL) before the silo starts.
    /// </summary>
    public static ISiloBuilder UseCommunityStorage(this ISiloBuilder silo, IConfiguration configuration)
    {
        var services = silo.Services;
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection("Community"));
        if (StorageServiceCollectionExtensions.IsPostgres(configuration))
        {
            var connectionString = PostgresStorageServiceCollectionExtensions.ConnectionString(configuration);
            services.AddPostgresDatabase(connectionString);
            silo.AddAdoNetGrainStorage(GrainStorageName, options =>
            {
                options.Invariant = OrleansScripts.Invariant;
                options.ConnectionString = connectionString;
            });
            silo.UseAdoNetReminderService(options =>
            {
                options.Invariant = OrleansScripts.Invariant;
                options.ConnectionString = connectionString;
            });
        }
        else
        {
            services.AddSqliteGrainStorage(GrainStorageName);
            services.UseSqliteReminderService();
        }
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ILifecycleParticipant<ISiloLifecycle>, StorageMigrationParticipant>());
        return silo;
    }
}
