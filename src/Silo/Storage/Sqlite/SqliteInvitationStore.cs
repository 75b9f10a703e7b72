using Community.Grains.Members;
using Community.Grains.Storage;
using Dapper;

namespace Community.Silo.Storage.Sqlite;

internal sealed class SqliteInvitationStore(SqliteDatabase database) : IInvitationStore
{
    public async Task AddAsync(IReadOnlyList<Invitation> invitations)
    {
        await using var connection = await database.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        foreach (var i in invitations)
        {
            await connection.ExecuteAsync(
                "INSERT INTO invitations (code, role, expires_at, note, created_by, created_at) VALUES (@Code, @Role, @expiresAt, @Note, @CreatedBy, @createdAt)",
                new { i.Code, i.Role, expiresAt = StoredValues.Time(i.ExpiresAt), i.Note, i.CreatedBy, createdAt = StoredValues.Time(i.CreatedAt) },
                transaction);
        }
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
        await using var transaction = (Microsoft.Data.Sqlite.SqliteTransaction)await connection.BeginTransactionAsync();
        var row = await connection.QuerySingleOrDefaultAsync<InvitationRow>(
            $"SELECT {InvitationRow.Columns} FROM invitations WHERE code = @code", new { code }, transaction);
        if (InvitationRow.Refuses(row, now, out var refusal)) return refusal;
        if (!await MemberStore.InsertAsync(connection, transaction, SqliteDialect.Instance, profile with { Role = row.Role }, passwordHash))
            return RedeemResult.HandleTaken;
        await connection.ExecuteAsync("UPDATE invitations SET used_by = @Id, used_at = @now WHERE code = @code",
            new { profile.Id, now = StoredValues.Time(now), code }, transaction);
        await transaction.CommitAsync();
        return RedeemResult.Redeemed;
    }
}
