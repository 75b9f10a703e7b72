using Community.Grains.Events;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Community.Silo.Events;

internal static class BackplaneServiceCollectionExtensions
{
    /// <summary>
    /// The backplane that carries events to every node's connections: in-process for one node,
    /// PostgreSQL LISTEN/NOTIFY when the nodes share a PostgreSQL database.
    /// </summary>
    public static IServiceCollection AddBackplane(this IServiceCollection services, IConfiguration configuration, bool postgres)
    {
        services.AddSingleton<MessageSequencer>();
        services.AddSingleton<EventDispatcher>();
        if (postgres)
        {
            services.Configure<BackplaneOptions>(configuration.GetSection("Community:Backplane"));
            services.AddSingleton<BackplaneDataSource>();
            services.AddSingleton<PostgresEventBus>();
            services.AddSingleton<IEventPublisher>(sp => sp.GetRequiredService<PostgresEventBus>());
            services.AddHostedService(sp => sp.GetRequiredService<PostgresEventBus>());
        }
        else
        {
            services.AddSingleton<InProcessEventBus>();
            services.AddSingleton<IEventPublisher>(sp => sp.GetRequiredService<InProcessEventBus>());
            services.AddHostedService(sp => sp.GetRequiredService<InProcessEventBus>());
        }
        return services;
    }
}
