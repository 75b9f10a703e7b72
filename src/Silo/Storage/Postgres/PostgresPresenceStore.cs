using System.Data.Common;
using Dapper;

namespace Community.Silo.Storage.Postgres;

/// <summary>
/// Presence over PostgreSQL. Changes for one member take a transaction-scoped advisory lock on
/// the member, so two nodes connecting or disconnecting the same member at once still agree on
/// who announces online and offline.
/// </summary>
internal sealed class PostgresPresenceStore(PostgresDatabase database) : PresenceStore(database, PostgresDialect.Instance)
{
    protected override Task LockMemberAsync(DbConnection connection, DbTransaction transaction, string memberId) =>
        connection.ExecuteAsync("SELECT pg_advisory_xact_lock(hashtextextended('presence:' || @memberId, 0))", new { memberId }, transaction);

    protected override async Task<IReadOnlyList<string>> ForgetAsync(DbConnection connection, DbTransaction transaction, DateTimeOffset staleBefore, string? leavingNodeId)
    {
        // Whoever deletes a node's row owns announcing its members: a node is forgotten once.
        var gone = (await connection.QueryAsync<string>(
            "DELETE FROM nodes WHERE heartbeat_at < @staleBefore OR node_id = @leavingNodeId RETURNING node_id",
            new { staleBefore = StoredValues.Time(staleBefore), leavingNodeId }, transaction)).ToList();
        if (leavingNodeId is not null && !gone.Contains(leavingNodeId)) gone.Add(leavingNodeId);
        var members = (await connection.QueryAsync<string>(
            "DELETE FROM presence WHERE node_id = ANY(@gone) RETURNING member_id", new { gone = gone.ToArray() }, transaction)).Distinct().ToArray();
        if (members.Length == 0) return [];
        foreach (var memberId in members.Order(StringComparer.Ordinal))
            await LockMemberAsync(connection, transaction, memberId);
        var stillOnline = (await connection.QueryAsync<string>(
            "SELECT DISTINCT member_id FROM presence WHERE member_id = ANY(@members)", new { members }, transaction)).ToHashSet();
        return members.Where(m => !stillOnline.Contains(m)).ToArray();
    }
}
