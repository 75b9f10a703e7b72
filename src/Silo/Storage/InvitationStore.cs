using System.Data.Common;
using Community.Grains.Audit;
using Community.Grains.Members;
using Community.Grains.Storage;
using Dapper;

namespace Community.Silo.Storage;

/// <summary>Invitation codes; how a batch goes in and how a redeemed code's row is locked are the provider's own.</summary>
internal abstract class InvitationStore(IDbConnectionFactory database, ISqlDialect sql) : IInvitationStore
{
    public async Task AddAsync(IReadOnlyList<Invitation> invitations, AuditEntry? audit = null)
    {
        await using var connection = await database.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await InsertAsync(connection, transaction, invitations);
        await AuditLog.InsertIfAnyAsync(connection, transaction, audit);
        await transaction.CommitAsync();
    }

    public async Task<RevokeInvitationResult> RevokeAsync(string code, DateTimeOffset revokedAt, AuditEntry audit)
    {
        await using var connection = await database.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var row = await connection.QuerySingleOrDefaultAsync<InvitationRow>(
            $"SELECT {InvitationRow.Columns} FROM invitations WHERE code = @code{LockRow}", new { code }, transaction);
        if (row is null) return RevokeInvitationResult.UnknownCode;
        if (row.UsedBy is not null) return RevokeInvitationResult.AlreadyUsed;
        if (row.RevokedAt is not null) return RevokeInvitationResult.AlreadyRevoked;
        await connection.ExecuteAsync("UPDATE invitations SET revoked_at = @revokedAt WHERE code = @code",
            new { code, revokedAt = StoredValues.Time(revokedAt) }, transaction);
        await AuditLog.InsertAsync(connection, transaction, audit);
        await transaction.CommitAsync();
        return RevokeInvitationResult.Revoked;
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
        var row = await connection.QuerySingleOrDefaultAsync<InvitationRow>(
            $"SELECT {InvitationRow.Columns} FROM invitations WHERE code = @code{LockRow}", new { code }, transaction);
        if (InvitationRow.Refuses(row, now, out var refusal)) return refusal;
        if (!await MemberStore.InsertAsync(connection, transaction, sql, profile with { Role = row.Role }, passwordHash))
            return RedeemResult.HandleTaken;
        await connection.ExecuteAsync("UPDATE invitations SET used_by = @Id, used_at = @now WHERE code = @code",
            new { profile.Id, now = StoredValues.Time(now), code }, transaction);
        await transaction.CommitAsync();
        return RedeemResult.Redeemed;
    }

    /// <summary>Inserts a batch of new invitations.</summary>
    protected abstract Task InsertAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<Invitation> invitations);

    /// <summary>What follows the select of the code being redeemed or revoked, so that a second writer of it waits.</summary>
    protected abstract string LockRow { get; }
}
