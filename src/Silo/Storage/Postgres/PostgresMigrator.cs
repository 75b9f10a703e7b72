using Dapper;
using Microsoft.Extensions.Logging;

namespace Community.Silo.Storage.Postgres;

/// <summary>
/// Brings the database up to the current schema at start-up. Nodes that start at once queue on
/// an advisory lock: the first applies what is missing, the others then find it applied.
/// </summary>
internal sealed class PostgresMigrator(PostgresDatabase database, ILogger<PostgresMigrator> logger) : IStorageMigrator
{
    /// <summary>The advisory lock every node of a network takes to migrate: "Communit" in ASCII.</summary>
    private const long LockKey = 0x436F6D6D756E6974;

    public async Task MigrateAsync()
    {
        await using var connection = await database.OpenAsync();
        await connection.ExecuteAsync("SELECT pg_advisory_lock(@LockKey)", new { LockKey });
        try
        {
            await connection.ExecuteAsync("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL)");
            for (var version = 1; version <= PostgresSchema.Migrations.Count; version++)
            {
                await using var transaction = await connection.BeginTransactionAsync();
                var applied = await connection.ExecuteScalarAsync<bool>(
                    "SELECT EXISTS (SELECT 1 FROM schema_migrations WHERE version = @version)", new { version }, transaction);
                if (applied) continue;
                await connection.ExecuteAsync(PostgresSchema.Migrations[version - 1], transaction: transaction);
                await connection.ExecuteAsync("INSERT INTO schema_migrations (version, applied_at) VALUES (@version, now())", new { version }, transaction);
                await transaction.CommitAsync();
                StorageLog.MigrationApplied(logger, version, database.Name);
            }
        }
        finally
        {
            // The lock belongs to the session, which goes back to the pool: release it. A broken
            // connection needs nothing, the server released its locks when the session ended.
            if (connection.State == System.Data.ConnectionState.Open)
                await connection.ExecuteAsync("SELECT pg_advisory_unlock(@LockKey)", new { LockKey });
        }
    }
}
