using Community.Silo.Storage;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Hosting;
using Orleans.Runtime;
using Orleans.Storage;

namespace Community.Tests.Silo.Storage;

/// <summary>
/// What <see cref="CommunityStorageSiloBuilderExtensions.UseCommunityStorage"/> gives a silo on each store:
/// the <c>community</c> grain storage and a reminder table of that store, over a database the silo
/// migrated itself, that keep grain state and reminders across a restart of the silo.
/// </summary>
public abstract class SiloStorageContract : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private IDictionary<string, string?>? _settings;

    /// <summary>The settings that point a node at the test's database.</summary>
    protected IDictionary<string, string?> Settings => _settings ?? throw new InvalidOperationException("The database is created first.");

    /// <summary>The storage type <c>community</c> resolves to on this store.</summary>
    protected abstract Type ExpectedGrainStorage { get; }

    /// <summary>The name of the reminder table type on this store (Orleans' ADO.NET one is internal).</summary>
    protected abstract string ExpectedReminderTable { get; }

    /// <summary>Creates an empty database and returns the settings that point a node at it.</summary>
    protected abstract Task<IDictionary<string, string?>> CreateDatabaseAsync();

    protected abstract Task DeleteDatabaseAsync();

    public async Task InitializeAsync() => _settings = await CreateDatabaseAsync().WaitAsync(Timeout);

    public Task DisposeAsync() => DeleteDatabaseAsync().WaitAsync(Timeout);

    [Fact]
    public async Task A_silo_keeps_grain_state_and_reminders_in_the_store_the_node_is_configured_for()
    {
        await using var silo = await StartSiloAsync();

        Assert.IsType(ExpectedGrainStorage, silo.GrainStorage(CommunityStorageSiloBuilderExtensions.GrainStorageName));
        Assert.Equal(ExpectedReminderTable, silo.Services.GetRequiredService<IReminderTable>().GetType().Name);
    }

    [Fact]
    public async Task Grain_state_written_before_a_restart_reads_back_after_it()
    {
        var grain = GrainId.Create("member", "m_" + Guid.NewGuid().ToString("N"));
        var written = new GrainState<TestGrainState>(new TestGrainState { Count = 42, Text = "同窓会" });
        await using (var before = await StartSiloAsync())
            await before.GrainStorage("community").WriteStateAsync("profile", grain, written).WaitAsync(Timeout);

        await using var after = await StartSiloAsync();
        var read = new GrainState<TestGrainState>();
        await after.GrainStorage("community").ReadStateAsync("profile", grain, read).WaitAsync(Timeout);

        Assert.Equal(written.ETag, read.ETag);
        Assert.Equal(42, read.State?.Count);
        Assert.Equal("同窓会", read.State?.Text);
    }

    [Fact]
    public async Task A_reminder_registered_before_a_restart_is_kept_in_the_table_and_fires_after_it()
    {
        var key = "r_" + Guid.NewGuid().ToString("N");
        await using (var before = await StartSiloAsync())
        {
            await before.Services.GetRequiredService<IGrainFactory>().GetGrain<IReminderProbeGrain>(key)
                .RegisterAsync("meetup", dueTime: TimeSpan.FromSeconds(1), period: TimeSpan.FromSeconds(2)).WaitAsync(Timeout);
        }

        // Nothing calls the grain on the new silo: its reminder service finds the reminder in the table and fires it.
        await using var after = await StartSiloAsync();

        await after.Services.GetRequiredService<ReminderProbe>().FiredAsync(key, "meetup").WaitAsync(Timeout);
        var row = await after.Services.GetRequiredService<IReminderTable>().ReadRow(GrainId.Create("reminderprobe", key), "meetup").WaitAsync(Timeout);
        Assert.Equal(TimeSpan.FromSeconds(2), row?.Period);
    }

    private Task<StorageSilo> StartSiloAsync() => StorageSilo.StartAsync(
        Settings,
        silo =>
        {
            silo.Services.AddSingleton<ReminderProbe>();
            silo.Services.Configure<ReminderOptions>(options => options.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
        });
}
