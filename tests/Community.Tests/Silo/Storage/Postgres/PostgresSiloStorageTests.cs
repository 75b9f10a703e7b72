using Community.Tests.Support;
using Dapper;
using Npgsql;
using Orleans.Storage;

namespace Community.Tests.Silo.Storage.Postgres;

public sealed class PostgresSiloStorageTests : SiloStorageContract
{
    private string? _connectionString;

    protected override Type ExpectedGrainStorage => typeof(AdoNetGrainStorage);

    protected override string ExpectedReminderTable => "AdoNetReminderTable";

    [Fact]
    public async Task A_silo_on_adonet_clustering_joins_the_membership_table_of_a_database_it_migrated_itself()
    {
        // Orleans 10.4 refuses to start ADO.NET clustering without the CleanupDefunctSiloEntriesKey query of main's script.
        await using var silo = await StorageSilo.StartAsync(Settings, adoNetClustering: true);

        await using var connection = new NpgsqlConnection(_connectionString);
        var statuses = await connection.QueryAsync<int>("SELECT Status FROM OrleansMembershipTable").WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(3, Assert.Single(statuses)); // SiloStatus.Active
    }

    protected override async Task<IDictionary<string, string?>> CreateDatabaseAsync()
    {
        _connectionString = await PostgresServer.CreateDatabaseAsync();
        return new Dictionary<string, string?> { ["Community:Storage:Provider"] = "postgres", ["ConnectionStrings:Postgres"] = _connectionString };
    }

    protected override async Task DeleteDatabaseAsync()
    {
        if (_connectionString is not null) await PostgresServer.DropDatabaseAsync(_connectionString);
    }
}
