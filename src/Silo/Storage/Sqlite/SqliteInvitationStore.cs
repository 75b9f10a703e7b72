using Community.Grains.Members;
using Community.Grains.Storage;
using Dapper;

namespace Community.Silo.Storage.Sqlite;

internal sealed class SqliteInvitationStore(SqliteDatabase database) : IInvitationStore
{
    private const string Columns = "code AS Code, role AS Role, expires_at AS ExpiresAt, used_by AS UsedBy, note AS Note, created_by AS CreatedBy, created_at AS CreatedAt";

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
        var rows = await connection.QueryAsync<InvitationRow>($"SELECT {Columns} FROM invitations ORDER BY created_at DESC, code");
        return rows.Select(r => r.ToInvitation()).ToArray();
    }

    public async Task<Invitation?> GetAsync(string code)
    {
        await using var connection = await database.OpenAsync();
        var row = await connection.QuerySingleOrDefaultAsync<InvitationRow>($"SELECT {Columns} FROM invitations WHERE code = @code", new { code });
        return row?.ToInvitation();
    }

    public async Task<RedeemResult> RedeemAsync(string code, MemberProfile profile, string passwordHash, DateTimeOffset now)
    {
        await using var connection = await database.OpenAsync();
        await using var transaction = (Microsoft.Data.Sqlite.SqliteTransaction)await connection.BeginTransactionAsync();
        var row = await connection.QuerySingleOrDefaultAsync<InvitationRow>(
            $"SELECT {Columns} FROM invitations WHERE code = @code", new { code }, transaction);
        if (row is null) return RedeemResult.UnknownCode;
        if (row.UsedBy is not null) return RedeemResult.AlreadyUsed;
        if (StoredValues.Time(row.ExpiresAt) <= now) return RedeemResult.Expired;
        if (!await SqliteMemberStore.InsertAsync(connection, transaction, profile with { Role = row.Role }, passwordHash))
            return RedeemResult.HandleTaken;
        await connection.ExecuteAsync("UPDATE invitations SET used_by = @Id, used_at = @now WHERE code = @code",
            new { profile.Id, now = StoredValues.Time(now), code }, transaction);
        await transaction.CommitAsync();
        return RedeemResult.Redeemed;
    }

    private sealed class InvitationRow
    {
        public string Code { get; set; } = "";
        public string Role { get; set; } = "";
        public long ExpiresAt { get; set; }
        public string? UsedBy { get; set; }
        public string? Note { get; set; }
        public string CreatedBy { get; set; } = "";
        public long CreatedAt { get; set; }

        public Invitation ToInvitation() =>
            new(Code, Role, StoredValues.Time(ExpiresAt), UsedBy, Note, CreatedBy, StoredValues.Time(CreatedAt));
    }
}
