using Community.Grains;
using Community.Grains.Events;
using Community.Silo;
using Community.Silo.Storage;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Orleans.TestingHost;

namespace Community.Tests.Grains;

/// <summary>
/// Makes each silo of the test cluster a Community silo: the real grains over the real stores
/// (<see cref="NodeServiceCollectionExtensions.AddCommunityNode"/>, which reads the store from the
/// cluster's configuration and migrates it at start-up) and the grain storage and reminders of that store, with the tests' event recorder where a node
/// delivers to its hub, the message store observed, and the sends that reach a room counted.
/// Clustering is the TestCluster's own.
/// </summary>
internal sealed class CommunitySiloConfigurator : ISiloConfigurator
{
    public void Configure(ISiloBuilder siloBuilder)
    {
        var services = siloBuilder.Services;
        services.AddCommunityNode(siloBuilder.Configuration);
        services.AddCommunityGrains();
        siloBuilder.UseCommunityStorage(siloBuilder.Configuration);
        services.AddSingleton<EventRecorder>();
        services.AddSingleton<IEventPublisher>(sp => sp.GetRequiredService<EventRecorder>());
        ObservedMessageStore.Decorate(services);
        services.AddSingleton<SendArrivals>();
        services.AddSingleton<IIncomingGrainCallFilter>(sp => sp.GetRequiredService<SendArrivals>());
    }
}
