using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Configuration;

namespace Community.Tests.Silo.Storage;

/// <summary>
/// One migrated database per test class; each test takes reminder tables of its own service over it,
/// built as a silo builds them, so tests do not see each other's rows.
/// </summary>
public abstract class ReminderTableFixture : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly List<ServiceProvider> _providers = [];

    /// <summary>A started reminder table of this service over the class's database.</summary>
    public async Task<IReminderTable> CreateTableAsync(string serviceId)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.Configure<ClusterOptions>(options =>
        {
            options.ServiceId = serviceId;
            options.ClusterId = "reminder-tests";
        });
        AddReminderTable(services);
        var provider = services.BuildServiceProvider();
        lock (_providers) _providers.Add(provider);
        var table = provider.GetRequiredService<IReminderTable>();
        await table.StartAsync().WaitAsync(Timeout);
        return table;
    }

    /// <summary>Creates and migrates the database.</summary>
    protected abstract Task CreateDatabaseAsync();

    /// <summary>Registers the reminder table under test over the database, as the silo's registration does.</summary>
    protected abstract void AddReminderTable(IServiceCollection services);

    protected abstract Task DeleteDatabaseAsync();

    // May start the test run's PostgreSQL cluster.
    public Task InitializeAsync() => CreateDatabaseAsync().WaitAsync(TimeSpan.FromSeconds(60));

    public async Task DisposeAsync()
    {
        foreach (var provider in _providers) await provider.DisposeAsync().AsTask().WaitAsync(Timeout);
        await DeleteDatabaseAsync().WaitAsync(Timeout);
    }
}
