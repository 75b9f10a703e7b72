using Community.Silo.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Community.Tests.Silo.Storage.Sqlite;

/// <summary>A silo on SQLite, over a database file in a temporary folder of its own.</summary>
public sealed class SqliteGrainStorageFixture : GrainStorageFixture
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "community-tests", Guid.NewGuid().ToString("N"));

    internal override Task<StorageSilo> StartSiloAsync() => StorageSilo.StartAsync(
        new Dictionary<string, string?> { ["Community:Storage:Provider"] = "sqlite", ["Community:DataPath"] = _folder },
        silo => silo.Services.AddSqliteGrainStorage(DeletingName, options => options.DeleteStateOnClear = true));

    protected override Task DeleteDatabaseAsync()
    {
        // Pooled connections keep the file open; close them before the folder goes.
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }
}
