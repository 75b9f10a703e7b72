using Community.Tests.Support;
using Orleans.Hosting;

namespace Community.Tests.Silo.Storage.Postgres;

/// <summary>A silo on PostgreSQL with Orleans' ADO.NET provider, over a new database that the node's migrator prepares.</summary>
public sealed class AdoNetGrainStorageFixture : GrainStorageFixture
{
    private string? _connectionString;

    internal override async Task<StorageSilo> StartSiloAsync()
    {
        var connectionString = _connectionString = await PostgresServer.CreateDatabaseAsync();
        return await StorageSilo.StartAsync(
            new Dictionary<string, string?> { ["Community:Storage:Provider"] = "postgres", ["ConnectionStrings:Postgres"] = connectionString },
            silo => silo.AddAdoNetGrainStorage(DeletingName, options =>
            {
                options.Invariant = "Npgsql";
                options.ConnectionString = connectionString;
                options.DeleteStateOnClear = true;
            }));
    }

    protected override async Task DeleteDatabaseAsync()
    {
        if (_connectionString is not null) await PostgresServer.DropDatabaseAsync(_connectionString);
    }
}
