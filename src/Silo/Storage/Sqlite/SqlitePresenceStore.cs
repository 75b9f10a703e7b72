using System.Data.Common;
using Dapper;

namespace Community.Silo.Storage.Sqlite;

/// <summary>Presence over SQLite: one node writes the file, so a transaction is lock enough.</summary>
internal sealed class SqlitePresenceStore(SqliteDatabase database) : PresenceStore(database, SqliteDialect.Instance)
{
    protected override async Task<IReadOnlyList<string>> ForgetAsync(DbConnection connection, DbTransaction transaction, DateTimeOffset staleBefore, string? leavingNodeId)
    {
        var gone = (await connection.QueryAsync<string>(
            "SELECT node_id FROM nodes WHERE heartbeat_at < @staleBefore OR node_id = @leavingNodeId",
            new { staleBefore = StoredValues.Time(staleBefore), leavingNodeId }, transaction)).ToArray();
        if (leavingNodeId is not null && !gone.Contains(leavingNodeId)) gone = [.. gone, leavingNodeId];
        if (gone.Length == 0) return [];
        var members = (await connection.QueryAsync<string>("SELECT DISTINCT member_id FROM presence WHERE node_id IN @gone", new { gone }, transaction)).ToArray();
        await connection.ExecuteAsync("DELETE FROM presence WHERE node_id IN @gone; DELETE FROM nodes WHERE node_id IN @gone;", new { gone }, transaction);
        var stillOnline = (await connection.QueryAsync<string>("SELECT DISTINCT member_id FROM presence WHERE member_id IN @members", new { members }, transaction)).ToHashSet();
        return members.Where(m => !stillOnline.Contains(m)).ToArray();
    }
}
