using Community.Silo.Storage;
using Community.Silo.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Community.Tests.Silo.Storage.Sqlite;

/// <summary>Our SQLite reminder table over a database file in a temporary folder of its own.</summary>
public sealed class SqliteReminderTableFixture : ReminderTableFixture
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "community-tests", Guid.NewGuid().ToString("N"));

    protected override Task CreateDatabaseAsync()
    {
        var database = new SqliteDatabase(Options.Create(new StorageOptions { DataPath = _folder }), Options.Create(new SqliteCheckpointOptions()));
        return new SqliteMigrator(database, NullLogger<SqliteMigrator>.Instance).MigrateAsync();
    }

    protected override void AddReminderTable(IServiceCollection services)
    {
        services.Configure<StorageOptions>(options => options.DataPath = _folder);
        services.UseSqliteReminderService();
    }

    protected override Task DeleteDatabaseAsync()
    {
        // Pooled connections keep the file open; close them before the folder goes.
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }
}
