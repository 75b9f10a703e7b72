using System.Data.Common;
using Dapper;

namespace Community.Silo.Storage;

/// <summary>What other stores' transactions do to the <c>pins</c> table: a tombstone takes its message out of the pins.</summary>
internal static class PinRows
{
    public static Task RemoveAsync(DbConnection connection, DbTransaction transaction, string roomId, long seq) =>
        connection.ExecuteAsync("DELETE FROM pins WHERE room_id = @roomId AND seq = @seq", new { roomId, seq }, transaction);
}
