using Community.Grains.Storage;
using Dapper;

namespace Community.Silo.Storage.Postgres;

/// <summary>
/// Presence over PostgreSQL. Changes for one member take a transaction-scoped advisory lock on
/// the member, so two nodes connecting or disconnecting the same member at once still agree on
/// who announces online and offline.
/// </summary>
internal sealed class PostgresPresenceStore(PostgresDatabase database) : IPresenceStore
{
    private const string LockMember = "SELECT pg_advisory_xact_lock(hashtextextended('presence:' || @memberId, 0))";

    public async Task<bool> AddAsync(string memberId, string nodeId)
    {
        await using var connection = await database.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync(LockMember, new { memberId }, transaction);
        await connection.ExecuteAsync("INSERT INTO presence (member_id, node_id) VALUES (@memberId, @nodeId) ON CONFLICT DO NOTHING",
            new { memberId, nodeId }, transaction);
        var rows = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM presence WHERE member_id = @memberId", new { memberId }, transaction);
        await transaction.CommitAsync();
        return rows == 1;
    }

    public async Task<bool> RemoveAsync(string memberId, string nodeId)
    {
        await using var connection = await database.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync(LockMember, new { memberId }, transaction);
        var removed = await connection.ExecuteAsync("DELETE FROM presence WHERE member_id = @memberId AND node_id = @nodeId",
            new { memberId, nodeId }, transaction);
        var rows = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM presence WHERE member_id = @memberId", new { memberId }, transaction);
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
        // Whoever deletes a node's row owns announcing its members: a node is forgotten once.
        var gone = (await connection.QueryAsync<string>(
            "DELETE FROM nodes WHERE heartbeat_at < @staleBefore OR node_id = @leavingNodeId RETURNING node_id",
            new { staleBefore = StoredValues.Time(staleBefore), leavingNodeId }, transaction)).ToList();
        if (leavingNodeId is not null && !gone.Contains(leavingNodeId)) gone.Add(leavingNodeId);
        var members = (await connection.QueryAsync<string>(
            "DELETE FROM presence WHERE node_id = ANY(@gone) RETURNING member_id", new { gone = gone.ToArray() }, transaction)).Distinct().ToArray();
        if (members.Length == 0)
        {
            await transaction.CommitAsync();
            return [];
        }
        foreach (var memberId in members.Order(StringComparer.Ordinal))
            await connection.ExecuteAsync(LockMember, new { memberId }, transaction);
        var stillOnline = (await connection.QueryAsync<string>(
            "SELECT DISTINCT member_id FROM presence WHERE member_id = ANY(@members)", new { members }, transaction)).ToHashSet();
        await transaction.CommitAsync();
        return members.Where(m => !stillOnline.Contains(m)).ToArray();
    }

    public async Task<IReadOnlySet<string>> OnlineAsync(IReadOnlyCollection<string> memberIds)
    {
        if (memberIds.Count == 0) return new HashSet<string>();
        await using var connection = await database.OpenAsync();
        return (await connection.QueryAsync<string>(
            "SELECT DISTINCT member_id FROM presence WHERE member_id = ANY(@memberIds)", new { memberIds = memberIds.ToArray() })).ToHashSet();
    }
}
