using Community.Silo.Hosting;
using Community.Silo.Storage.Postgres;
using Community.Silo.Storage.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Community.Silo.Storage;

internal static class StorageServiceCollectionExtensions
{
    public const string ProviderKey = "Community:Storage:Provider";

    /// <summary>
    /// Whether <c>Community:Storage:Provider</c> names <c>postgres</c> rather than <c>sqlite</c> (the default).
    /// A wrong setting stops the node here, at start-up, rather than leaving it to run on a store nobody chose.
    /// </summary>
    public static bool IsPostgres(IConfiguration configuration)
    {
        var provider = configuration[ProviderKey]?.Trim();
        if (string.IsNullOrEmpty(provider) || provider.Equals("sqlite", StringComparison.OrdinalIgnoreCase)) return false;
        if (provider.Equals("postgres", StringComparison.OrdinalIgnoreCase)) return true;
        throw new InvalidOperationException($"{ProviderKey} is '{provider}'; it must be 'sqlite' (the default) or 'postgres'.");
    }

    /// <summary>The stores of the provider that <c>Community:Storage:Provider</c> names, migrated at start-up.</summary>
    public static IServiceCollection AddCommunityStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddStorageMetrics();
        if (IsPostgres(configuration))
            services.AddPostgresStorage(configuration);
        else
            services.AddSqliteStorage();
        services.AddHostedService<MigrationService>();
        return services;
    }

    /// <summary>The <c>Community.Storage</c> meter (<see cref="StorageMetrics"/>), once however many callers ask.</summary>
    public static IServiceCollection AddStorageMetrics(this IServiceCollection services)
    {
        services.AddMetrics();
        services.TryAddSingleton<StorageMetrics>();
        return services;
    }
}
