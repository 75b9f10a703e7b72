using Community.Grains.Audit;
using Community.Grains.Storage;
using Dapper;

namespace Community.Silo.Storage;

internal sealed class AuditStore(IDbConnectionFactory database) : IAuditStore
{
    public async Task AddAsync(AuditEntry entry)
    {
        await using var connection = await database.OpenAsync();
        await AuditLog.InsertAsync(connection, null, entry);
    }

    public async Task<IReadOnlyList<AuditRecord>> PageAsync(long? beforeId, int limit, string? action, string? actorId)
    {
        await using var connection = await database.OpenAsync();
        var rows = await connection.QueryAsync<(long Id, long At, string Action, string? ActorId, string? ActorHandle, string? RoomId, string? TargetId, string Detail)>(
            """
            SELECT id, at, action, actor_id, actor_handle, room_id, target_id, detail FROM audit_log
            WHERE (CAST(@beforeId AS BIGINT) IS NULL OR id < @beforeId)
              AND (CAST(@action AS TEXT) IS NULL OR action = @action)
              AND (CAST(@actorId AS TEXT) IS NULL OR actor_id = @actorId)
            ORDER BY id DESC LIMIT @limit
            """, new { beforeId, action, actorId, limit });
        return rows.Select(r => new AuditRecord(r.Id, StoredValues.Time(r.At), r.Action, r.ActorId, r.ActorHandle, r.RoomId, r.TargetId, r.Detail)).ToArray();
    }
}
