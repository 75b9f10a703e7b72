using System.Data.Common;
using Community.Grains.Storage;
using Dapper;

namespace Community.Silo.Storage.Postgres;

internal sealed class PostgresInvitationStore(PostgresDatabase database) : InvitationStore(database, PostgresDialect.Instance)
{
    // FOR UPDATE: a second node redeeming the same code waits here, then reads it used.
    protected override string LockRow => " FOR UPDATE";

    // One statement for the whole batch: the secretariat invites up to a thousand at once.
    protected override Task InsertAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<Invitation> invitations) =>
        connection.ExecuteAsync(
            """
            INSERT INTO invitations (code, role, expires_at, note, created_by, created_at)
            SELECT * FROM unnest(@codes, @roles, @expiresAt, @notes, @createdBy, @createdAt)
            """,
            new
            {
                codes = invitations.Select(i => i.Code).ToArray(),
                roles = invitations.Select(i => i.Role).ToArray(),
                expiresAt = invitations.Select(i => StoredValues.Time(i.ExpiresAt)).ToArray(),
                notes = invitations.Select(i => i.Note).ToArray(),
                createdBy = invitations.Select(i => i.CreatedBy).ToArray(),
                createdAt = invitations.Select(i => StoredValues.Time(i.CreatedAt)).ToArray(),
            }, transaction);
}
