using Community.Grains.Storage;
using Dapper;

namespace Community.Silo.Storage.Sqlite;

internal sealed class SqlitePresenceStore(SqliteDatabase database) : IPresenceStore
{
    public async Task<bool> AddAsync(string memberId, string nodeId)
    {
        await using var connection = await database.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync("INSERT OR IGNORE INTO presence (member_id, node_id) VALUES (@memberId, @nodeId)", new { memberId, nodeId }, transaction);
        var rows = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM presence WHERE member_id = @memberId", new { memberId }, transaction);
        await transaction.CommitAsync();
        return rows == 1;
    }

    public async Task<bool> RemoveAsync(string memberId, string nodeId)
    {
        await using var connection = await database.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var removed = await connection.ExecuteAsync("DELETE FROM presence WHERE member_id = @memberId AND node_id = @nodeId", new { memberId, nodeId }, transaction);
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
        var gone = (await connection.QueryAsync<string>(
            "SELECT node_id FROM nodes WHERE heartbeat_at < @staleBefore OR node_id = @leavingNodeId",
            new { staleBefore = StoredValues.Time(staleBefore), leavingNodeId }, transaction)).ToArray();
        if (leavingNodeId is not null && !gone.Contains(leavingNodeId)) gone = [.. gone, leavingNodeId];
        if (gone.Length == 0) return [];
        var members = (await connection.QueryAsync<string>("SELECT DISTINCT member_id FROM presence WHERE node_id IN @gone", new { gone }, transaction)).ToArray();
        await connection.ExecuteAsync("DELETE FROM presence WHERE node_id IN @gone; DELETE FROM nodes WHERE node_id IN @gone;", new { gone }, transaction);
        var stillOnline = (await connection.QueryAsync<string>("SELECT DISTINCT member_id FROM presence WHERE member_id IN @members", new { members }, transaction)).ToHashSet();
        await transaction.CommitAsync();
        return members.Where(m => !stillOnline.Contains(m)).ToArray();
    }

    public async Task<IReadOnlySet<string>> OnlineAsync(IReadOnlyCollection<string> memberIds)
    {
        if (memberIds.Count == 0) return new HashSet<string>();
        await using var connection = await database.OpenAsync();
        return (await connection.QueryAsync<string>("SELECT DISTINCT member_id FROM presence WHERE member_id IN @memberIds", new { memberIds })).ToHashSet();
    }
}
