using Orleans.Storage;

namespace Community.Tests.Silo.Storage;

/// <summary>
/// One silo per test class over a database of its own, holding two providers of the store under
/// test: the <c>community</c> one as the node registers it, which keeps cleared rows, and one that
/// deletes them. Tests keep apart by using grains of their own.
/// </summary>
public abstract class GrainStorageFixture : IAsyncLifetime
{
    protected const string DeletingName = "community-deleting";

    private StorageSilo? _silo;

    internal StorageSilo Silo => _silo ?? throw new InvalidOperationException("The silo starts before the tests.");

    public IGrainStorage Storage => Silo.GrainStorage("community");

    public IGrainStorage DeletingStorage => Silo.GrainStorage(DeletingName);

    /// <summary>Creates the database and starts the silo over it.</summary>
    internal abstract Task<StorageSilo> StartSiloAsync();

    /// <summary>Drops what <see cref="StartSiloAsync"/> created, once the silo has stopped.</summary>
    protected abstract Task DeleteDatabaseAsync();

    public async Task InitializeAsync() => _silo = await StartSiloAsync().WaitAsync(TimeSpan.FromSeconds(90));

    public async Task DisposeAsync()
    {
        if (_silo is not null) await _silo.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(60));
        await DeleteDatabaseAsync().WaitAsync(TimeSpan.FromSeconds(30));
    }
}
