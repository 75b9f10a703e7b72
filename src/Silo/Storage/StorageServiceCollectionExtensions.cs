using Community.Silo.Hosting;
using Community.Silo.Storage.Postgres;
using Community.Silo.Storage.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Community.Silo.Storage;

internal static class StorageServiceCollectionExtensions
{
    public const string ProviderKey = "Community:Storage:Provider";

    /// <summary>
    /// The stores of the provider that <c>Community:Storage:Provider</c> names (<c>sqlite</c>, the
    /// default, or <c>postgres</c>), migrated at start-up. A wrong setting stops the node here, at
    /// start-up, rather than leaving it to run on a store nobody chose.
    /// </summary>
    public static bool IsPostgres(IConfiguration configuration) =>
        string.Equals(configuration[ProviderKey]?.Trim(), "postgres", StringComparison.OrdinalIgnoreCase);

    public static IServiceCollection AddCommunityStorage(this IServiceCollection services, IConfiguration configuration)
    {
        var provider = configuration[ProviderKey]?.Trim();
        if (string.IsNullOrEmpty(provider) || provider.Equals("sqlite", StringComparison.OrdinalIgnoreCase))
            services.AddSqliteStorage();
        else if (provider.Equals("postgres", StringComparison.OrdinalIgnoreCase))
            services.AddPostgresStorage(configuration);
        else
            throw new InvalidOperationException($"{ProviderKey} is '{provider}'; it must be 'sqlite' (the default) or 'postgres'.");
        services.AddHostedService<MigrationService>();
        return services;
    }
}
