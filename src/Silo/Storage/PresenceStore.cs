using System.Data.Common;
using Community.Grains.Storage;
using Dapper;

namespace Community.Silo.Storage;

/// <summary>
/// Which hub connections are open, whose, on which node. A provider where several nodes share the database locks the
/// member (<see cref="LockMemberAsync"/>) so that two nodes changing one member at once still agree
/// on who announces online and offline; forgetting nodes is the provider's own.
/// </summary>
internal abstract class PresenceStore(IDbConnectionFactory database, ISqlDialect sql) : IPresenceStore
{
    public async Task<bool> AddAsync(string memberId, string nodeId, string connectionId)
    {
        await using var connection = await database.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await LockMemberAsync(connection, transaction, memberId);
        await connection.ExecuteAsync(
            "INSERT INTO presence (member_id, connection_id, node_id) VALUES (@memberId, @connectionId, @nodeId) ON CONFLICT DO NOTHING",
            new { memberId, connectionId, nodeId }, transaction);
        var rows = await CountAsync(connection, transaction, memberId);
        await transaction.CommitAsync();
        return rows == 1;
    }

    public async Task<bool> RemoveAsync(string memberId, string connectionId)
    {
        await using var connection = await database.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await LockMemberAsync(connection, transaction, memberId);
        var removed = await connection.ExecuteAsync("DELETE FROM presence WHERE member_id = @memberId AND connection_id = @connectionId",
            new { memberId, connectionId }, transaction);
        var rows = await CountAsync(connection, transaction, memberId);
        await transaction.CommitAsync();
        return removed > 0 && rows == 0;
    }

    public async Task HeartbeatAsync(string nodeId, DateTimeOffset now)
    {
        await using var connection = await database.OpenAsync();
        await connection.ExecuteAsync(
            "INSERT INTO nodes (node_id, heartbeat_at) VALUES (@nodeId, @now) ON CONFLICT (node_id) DO UPDATE SET heartbeat_at = excluded.heartbeat_at",
            new { nodeId, now = StoredValues.Time(now) });
    }

    public async Task<IReadOnlyList<string>> ForgetNodesAsync(DateTimeOffset staleBefore, string? leavingNodeId = null)
    {
        await using var connection = await database.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var offline = await ForgetAsync(connection, transaction, staleBefore, leavingNodeId);
        await transaction.CommitAsync();
        return offline;
    }

    public async Task<IReadOnlySet<string>> OnlineAsync(IReadOnlyCollection<string> memberIds)
    {
        if (memberIds.Count == 0) return new HashSet<string>();
        await using var connection = await database.OpenAsync();
        return (await connection.QueryAsync<string>(
            $"SELECT DISTINCT member_id FROM presence WHERE {sql.InList("member_id", "@memberIds")}", new { memberIds = memberIds.ToArray() })).ToHashSet();
    }

    public async Task<IReadOnlyList<string>> ConnectionsOfAsync(string memberId)
    {
        await using var connection = await database.OpenAsync();
        return (await connection.QueryAsync<string>("SELECT connection_id FROM presence WHERE member_id = @memberId", new { memberId })).ToArray();
    }

    public async Task<IReadOnlyList<string>> ConnectionsOfAsync(IReadOnlyCollection<string> memberIds)
    {
        if (memberIds.Count == 0) return [];
        await using var connection = await database.OpenAsync();
        return (await connection.QueryAsync<string>(
            $"SELECT connection_id FROM presence WHERE {sql.InList("member_id", "@memberIds")}", new { memberIds = memberIds.ToArray() })).ToArray();
    }

    /// <summary>Serialises changes to one member's presence until the transaction ends.</summary>
    protected virtual Task LockMemberAsync(DbConnection connection, DbTransaction transaction, string memberId) => Task.CompletedTask;

    /// <summary>Deletes the stale (and the leaving) nodes and their presence; returns the members now on no node.</summary>
    protected abstract Task<IReadOnlyList<string>> ForgetAsync(DbConnection connection, DbTransaction transaction, DateTimeOffset staleBefore, string? leavingNodeId);

    private static Task<long> CountAsync(DbConnection connection, DbTransaction transaction, string memberId) =>
        connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM presence WHERE member_id = @memberId", new { memberId }, transaction);
}
