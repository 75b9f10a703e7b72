using Community.Grains.Events;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Community.Silo.Delivery;

public static class DeliveryServiceCollectionExtensions
{
    /// <summary>
    /// How events reach hub connections: SignalR's hub context under <see cref="ConnectedMembers"/>,
    /// in memory on a node of its own, across nodes through Redis (<c>ConnectionStrings:Redis</c>).
    /// </summary>
    public static ISignalRServerBuilder AddHubDelivery(this IServiceCollection services, IConfiguration configuration)
    {
        var backplane = new RedisBackplane(configuration);
        services.AddSingleton(backplane);
        var signalR = services.AddSignalR();
        if (backplane.ConnectionString is { } redis)
            signalR.AddStackExchangeRedis(redis, options => options.Configuration.ChannelPrefix = backplane.ChannelPrefix);
        services.AddSingleton<ConnectionOrders>();
        services.AddHostedService(sp => sp.GetRequiredService<ConnectionOrders>());
        services.AddSingleton<HubDelivery>();
        services.AddSingleton<IEventPublisher>(sp => sp.GetRequiredService<HubDelivery>());
        services.AddHostedService(sp => sp.GetRequiredService<HubDelivery>());
        return signalR;
    }
}
