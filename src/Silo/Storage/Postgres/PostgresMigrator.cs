using Community.Silo.Storage.Search;
using Dapper;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Community.Silo.Storage.Postgres;

/// <summary>
/// Brings the database up to the current schema at start-up: the project's migrations, then
/// Orleans' ADO.NET scripts. Nodes that start at once queue on an advisory lock: the first
/// applies what is missing, the others then find it applied.
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
            await ApplyMigrationsAsync(connection);
            var indexed = await PostgresMessageSearchIndex.Instance.BackfillAsync(connection);
            if (indexed > 0) MessageSearchLog.Backfilled(logger, indexed, database.Name);
            await ApplyOrleansScriptsAsync(connection);
        }
        finally
        {
            // The lock belongs to the session, which goes back to the pool: release it. A broken
            // connection needs nothing, the server released its locks when the session ended.
            if (connection.State == System.Data.ConnectionState.Open)
                await connection.ExecuteAsync("SELECT pg_advisory_unlock(@LockKey)", new { LockKey });
        }
    }

    private async Task ApplyMigrationsAsync(NpgsqlConnection connection)
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

    // The upstream scripts cannot run twice (CREATE TABLE, INSERT INTO OrleansQuery): each runs in a
    // transaction with the row that says it ran, kept apart from the numbered migrations above.
    private async Task ApplyOrleansScriptsAsync(NpgsqlConnection connection)
    {
        await connection.ExecuteAsync(
            "CREATE TABLE IF NOT EXISTS orleans_scripts (script TEXT PRIMARY KEY, upstream_commit TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL)");
        foreach (var script in OrleansScripts.Names)
        {
            await using var transaction = await connection.BeginTransactionAsync();
            var applied = await connection.ExecuteScalarAsync<bool>(
                "SELECT EXISTS (SELECT 1 FROM orleans_scripts WHERE script = @script)", new { script }, transaction);
            if (applied) continue;
            await connection.ExecuteAsync(OrleansScripts.Read(script), transaction: transaction);
            await connection.ExecuteAsync(
                "INSERT INTO orleans_scripts (script, upstream_commit, applied_at) VALUES (@script, @commit, now())",
                new { script, commit = OrleansScripts.UpstreamCommit }, transaction);
            await transaction.CommitAsync();
            StorageLog.OrleansScriptApplied(logger, script, OrleansScripts.UpstreamCommit, database.Name);
        }
    }
}
