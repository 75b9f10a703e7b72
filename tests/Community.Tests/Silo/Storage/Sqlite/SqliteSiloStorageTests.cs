using Community.Silo.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Community.Tests.Silo.Storage.Sqlite;

public sealed class SqliteSiloStorageTests : SiloStorageContract
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "community-tests", Guid.NewGuid().ToString("N"));

    protected override Type ExpectedGrainStorage => typeof(SqliteGrainStorage);

    protected override string ExpectedReminderTable => nameof(SqliteReminderTable);

    protected override Task<IDictionary<string, string?>> CreateDatabaseAsync() => Task.FromResult<IDictionary<string, string?>>(
        new Dictionary<string, string?> { ["Community:Storage:Provider"] = "sqlite", ["Community:DataPath"] = _folder });

    protected override Task DeleteDatabaseAsync()
    {
        // Pooled connections keep the file open; close them before the folder goes.
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }
}
