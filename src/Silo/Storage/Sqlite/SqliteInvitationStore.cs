using System.Data.Common;
using Community.Grains.Storage;
using Dapper;

namespace Community.Silo.Storage.Sqlite;

internal sealed class SqliteInvitationStore(SqliteDatabase database) : InvitationStore(database, SqliteDialect.Instance)
{
    // One node writes the file; its transaction is lock enough.
    protected override string LockRow => "";

    protected override async Task InsertAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<Invitation> invitations)
    {
        foreach (var i in invitations)
        {
            await connection.ExecuteAsync(
                "INSERT INTO invitations (code, role, expires_at, note, created_by, created_at) VALUES (@Code, @Role, @expiresAt, @Note, @CreatedBy, @createdAt)",
                new { i.Code, i.Role, expiresAt = StoredValues.Time(i.ExpiresAt), i.Note, i.CreatedBy, createdAt = StoredValues.Time(i.CreatedAt) },
                transaction);
        }
    }
}
