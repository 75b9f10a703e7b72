using System.Net;
using System.Net.Sockets;
using Community.Silo.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Serialization.Configuration;
using Orleans.Storage;

namespace Community.Tests.Silo.Storage;

/// <summary>
/// A minimal Orleans silo (localhost clustering, no gateway, no grains of ours) with the storage that
/// <see cref="CommunityStorageSiloBuilderExtensions.UseCommunityStorage"/> picks for the given settings:
/// how the tests get the providers as a silo holds them, Orleans' ADO.NET ones included.
/// </summary>
internal sealed class StorageSilo : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private readonly IHost _host;

    private StorageSilo(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    public IGrainStorage GrainStorage(string name) => Services.GetRequiredKeyedService<IGrainStorage>(name);

    /// <summary>
    /// Starts a silo on localhost clustering, or with <paramref name="adoNetClustering"/> on Orleans' ADO.NET
    /// clustering over <c>ConnectionStrings:Postgres</c>, as nodes of a cluster run.
    /// </summary>
    public static async Task<StorageSilo> StartAsync(IDictionary<string, string?> settings, Action<ISiloBuilder>? configure = null, bool adoNetClustering = false)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = "Test" });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.UseOrleans(silo =>
        {
            var clusterId = "storage-tests-" + Guid.NewGuid().ToString("N");
            if (adoNetClustering)
            {
                silo.Configure<ClusterOptions>(options => (options.ServiceId, options.ClusterId) = ("storage-tests", clusterId));
                silo.ConfigureEndpoints(IPAddress.Loopback, FreePort(), gatewayPort: 0);
                silo.UseAdoNetClustering(options =>
                {
                    options.Invariant = "Npgsql";
                    options.ConnectionString = builder.Configuration.GetConnectionString("Postgres");
                });
            }
            else
            {
                silo.UseLocalhostClustering(siloPort: FreePort(), gatewayPort: 0, serviceId: "storage-tests", clusterId: clusterId);
            }
            silo.UseCommunityStorage(builder.Configuration);
            // Orleans' JSON storage serialiser reads only types it is allowed to: the grains' are [GenerateSerializer].
            silo.Services.Configure<TypeManifestOptions>(options => options.AddAllowedType(typeof(TestGrainState)));
            configure?.Invoke(silo);
        });
        var host = builder.Build();
        try
        {
            await host.StartAsync().WaitAsync(Timeout);
        }
        catch
        {
            host.Dispose();
            throw;
        }
        return new StorageSilo(host);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync().WaitAsync(Timeout);
        _host.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
