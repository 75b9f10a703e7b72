using Community.Grains.Storage;
using Dapper;

namespace Community.Silo.Storage;

internal sealed class TokenStore(IDbConnectionFactory database) : ITokenStore
{
    public async Task AddAsync(string tokenHash, string memberId, DateTimeOffset createdAt)
    {
        await using var connection = await database.OpenAsync();
        await connection.ExecuteAsync("INSERT INTO tokens (token_hash, member_id, created_at) VALUES (@tokenHash, @memberId, @createdAt)",
            new { tokenHash, memberId, createdAt = StoredValues.Time(createdAt) });
    }

    public async Task<string?> FindMemberAsync(string tokenHash)
    {
        await using var connection = await database.OpenAsync();
        return await connection.QuerySingleOrDefaultAsync<string>(
            """
            SELECT t.member_id FROM tokens t JOIN members m ON m.id = t.member_id
            WHERE t.token_hash = @tokenHash AND t.revoked_at IS NULL AND NOT m.suspended
            """, new { tokenHash });
    }

    public async Task RevokeAllAsync(string memberId, DateTimeOffset revokedAt)
    {
        await using var connection = await database.OpenAsync();
        await connection.ExecuteAsync("UPDATE tokens SET revoked_at = @revokedAt WHERE member_id = @memberId AND revoked_at IS NULL",
            new { memberId, revokedAt = StoredValues.Time(revokedAt) });
    }

    public async Task RevokeAsync(string tokenHash, DateTimeOffset revokedAt)
    {
        await using var connection = await database.OpenAsync();
        await connection.ExecuteAsync("UPDATE tokens SET revoked_at = @revokedAt WHERE token_hash = @tokenHash AND revoked_at IS NULL",
            new { tokenHash, revokedAt = StoredValues.Time(revokedAt) });
    }
}
