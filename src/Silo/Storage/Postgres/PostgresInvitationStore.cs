using Community.Grains.Members;
using Community.Grains.Storage;
using Dapper;

namespace Community.Silo.Storage.Postgres;

internal sealed class PostgresInvitationStore(PostgresDatabase database) : IInvitationStore
{
    public async Task AddAsync(IReadOnlyList<Invitation> invitations)
    {
        await using var connection = await database.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        // One statement for the whole batch: the secretariat invites up to a thousand at once.
        await connection.ExecuteAsync(
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
        await transaction.CommitAsync();
    }

    public async Task<IReadOnlyList<Invitation>> ListAsync()
    {
        await using var connection = await database.OpenAsync();
        var rows = await connection.QueryAsync<InvitationRow>($"SELECT {InvitationRow.Columns} FROM invitations ORDER BY created_at DESC, code");
        return rows.Select(r => r.ToInvitation()).ToArray();
    }

    public async Task<Invitation?> GetAsync(string code)
    {
        await using var connection = await database.OpenAsync();
        var row = await connection.QuerySingleOrDefaultAsync<InvitationRow>($"SELECT {InvitationRow.Columns} FROM invitations WHERE code = @code", new { code });
        return row?.ToInvitation();
    }

    public async Task<RedeemResult> RedeemAsync(string code, MemberProfile profile, string passwordHash, DateTimeOffset now)
    {
        await using var connection = await database.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        // FOR UPDATE: a second node redeeming the same code waits here, then reads it used.
        var row = await connection.QuerySingleOrDefaultAsync<InvitationRow>(
            $"SELECT {InvitationRow.Columns} FROM invitations WHERE code = @code FOR UPDATE", new { code }, transaction);
        if (InvitationRow.Refuses(row, now, out var refusal)) return refusal;
        if (!await MemberStore.InsertAsync(connection, transaction, PostgresDialect.Instance, profile with { Role = row.Role }, passwordHash))
            return RedeemResult.HandleTaken;
        await connection.ExecuteAsync("UPDATE invitations SET used_by = @Id, used_at = @now WHERE code = @code",
            new { profile.Id, now = StoredValues.Time(now), code }, transaction);
        await transaction.CommitAsync();
        return RedeemResult.Redeemed;
    }
}
