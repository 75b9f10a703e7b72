using Community.Tests.Support;
using Orleans.Storage;

namespace Community.Tests.Silo.Storage.Postgres;

public sealed class PostgresSiloStorageTests : SiloStorageContract
{
    private string? _connectionString;

    protected override Type ExpectedGrainStorage => typeof(AdoNetGrainStorage);

    protected override string ExpectedReminderTable => "AdoNetReminderTable";

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
