using System.Data.Common;
using Community.Grains.Audit;
using Dapper;

namespace Community.Silo.Storage;

/// <summary>Writes an audit entry inside the transaction of the action it records.</summary>
internal static class AuditLog
{
    /// <summary>Inserts <paramref name="entry"/>; the actor's handle is read here, so it is the one they have now.</summary>
    public static Task InsertAsync(DbConnection connection, DbTransaction? transaction, AuditEntry entry) =>
        connection.ExecuteAsync(
            """
            INSERT INTO audit_log (at, action, actor_id, actor_handle, room_id, target_id, detail)
            VALUES (@at, @Action, @ActorId, (SELECT handle FROM members WHERE id = @ActorId), @RoomId, @TargetId, @Detail)
            """,
            new { at = StoredValues.Time(entry.At), entry.Action, entry.ActorId, entry.RoomId, entry.TargetId, entry.Detail },
            transaction);

    /// <summary>Inserts <paramref name="entry"/> when there is one.</summary>
    public static Task InsertIfAnyAsync(DbConnection connection, DbTransaction transaction, AuditEntry? entry) =>
        entry is null ? Task.CompletedTask : InsertAsync(connection, transaction, entry);
}
