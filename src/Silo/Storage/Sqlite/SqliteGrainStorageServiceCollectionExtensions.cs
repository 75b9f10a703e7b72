using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration.Overrides;
using Orleans.Runtime.Hosting;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace Community.Silo.Storage.Sqlite;

internal static class SqliteGrainStorageServiceCollectionExtensions
{
    /// <summary>A grain storage provider of this name over the network's SQLite file, as Orleans' own providers are added.</summary>
    public static IServiceCollection AddSqliteGrainStorage(this IServiceCollection services, string name, Action<SqliteGrainStorageOptions>? configure = null)
    {
        services.AddSqliteDatabase();
        var options = services.AddOptions<SqliteGrainStorageOptions>(name);
        if (configure is not null) options.Configure(configure);
        services.TryAddEnumerable(ServiceDescriptor.Transient<IPostConfigureOptions<SqliteGrainStorageOptions>,
            DefaultStorageProviderSerializerOptionsConfigurator<SqliteGrainStorageOptions>>());
        return services.AddGrainStorage(name, static (sp, key) => new SqliteGrainStorage(
            key,
            sp.GetProviderClusterOptions(key).Value.ServiceId,
            sp.GetRequiredService<SqliteDatabase>(),
            sp.GetRequiredService<IOptionsMonitor<SqliteGrainStorageOptions>>().Get(key),
            sp.GetRequiredService<IActivatorProvider>(),
            sp.GetService<TimeProvider>() ?? TimeProvider.System,
            sp.GetRequiredService<ILogger<SqliteGrainStorage>>()));
    }
}
