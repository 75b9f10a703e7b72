using Community.Silo.Storage.Search;
using Dapper;
using Microsoft.Extensions.Logging;

namespace Community.Silo.Storage.Sqlite;

/// <summary>Brings the database file up to the current schema at start-up.</summary>
internal sealed class SqliteMigrator(SqliteDatabase database, ILogger<SqliteMigrator> logger) : IStorageMigrator
{
    public async Task MigrateAsync()
    {
        await using var connection = await database.OpenAsync();
        await connection.ExecuteAsync("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)");
        for (var version = 1; version <= SqliteSchema.Migrations.Count; version++)
        {
            await using var transaction = await connection.BeginTransactionAsync();
            var applied = await connection.ExecuteScalarAsync<long>(
                "SELECT COUNT(*) FROM schema_migrations WHERE version = @version", new { version }, transaction);
            if (applied > 0) continue;
            await connection.ExecuteAsync(SqliteSchema.Migrations[version - 1], transaction: transaction);
            await connection.ExecuteAsync("INSERT INTO schema_migrations (version, applied_at) VALUES (@version, @now)",
                new { version, now = DateTimeOffset.UtcNow.ToString("O") }, transaction);
            await transaction.CommitAsync();
            StorageLog.MigrationApplied(logger, version, database.FilePath);
        }
        var indexed = await SqliteMessageSearchIndex.Instance.BackfillAsync(connection);
        if (indexed > 0) MessageSearchLog.Backfilled(logger, indexed, database.FilePath);
    }
}
