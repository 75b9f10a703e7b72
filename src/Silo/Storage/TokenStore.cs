using Community.Grains.Storage;
using Dapper;

namespace Community.Silo.Storage;

internal sealed class TokenStore(IDbConnectionFactory database) : ITokenStore
{
    public async Task AddAsync(string tokenHash, Session session)
    {
        await using var connection = await database.OpenAsync();
        await connection.ExecuteAsync(
            """
            INSERT INTO tokens (token_hash, member_id, created_at, session_id, device, last_seen_at)
            VALUES (@tokenHash, @MemberId, @createdAt, @Id, @Device, @lastSeenAt)
            """,
            new { tokenHash, session.MemberId, createdAt = StoredValues.Time(session.CreatedAt), session.Id, session.Device,
                lastSeenAt = StoredValues.Time(session.LastSeenAt) });
    }

    public async Task<Session?> FindAsync(string tokenHash)
    {
        await using var connection = await database.OpenAsync();
        var row = await connection.QuerySingleOrDefaultAsync<SessionRow>(
            $"""
            SELECT {SessionRow.Columns} FROM tokens
            WHERE token_hash = @tokenHash AND revoked_at IS NULL AND member_id IN (SELECT id FROM members WHERE NOT suspended)
            """, new { tokenHash });
        return row?.ToSession();
    }

    public async Task TouchAsync(string tokenHash, DateTimeOffset seenAt)
    {
        await using var connection = await database.OpenAsync();
        await connection.ExecuteAsync(
            "UPDATE tokens SET last_seen_at = @seenAt WHERE token_hash = @tokenHash AND last_seen_at < @seenAt",
            new { tokenHash, seenAt = StoredValues.Time(seenAt) });
    }

    public async Task<IReadOnlyList<Session>> ListAsync(string memberId)
    {
        await using var connection = await database.OpenAsync();
        var rows = await connection.QueryAsync<SessionRow>(
            $"SELECT {SessionRow.Columns} FROM tokens WHERE member_id = @memberId AND revoked_at IS NULL ORDER BY last_seen_at DESC, session_id",
            new { memberId });
        return rows.Select(r => r.ToSession()).ToArray();
    }

    public async Task RevokeAsync(string tokenHash, DateTimeOffset revokedAt)
    {
        await using var connection = await database.OpenAsync();
        await connection.ExecuteAsync("UPDATE tokens SET revoked_at = @revokedAt WHERE token_hash = @tokenHash AND revoked_at IS NULL",
            new { tokenHash, revokedAt = StoredValues.Time(revokedAt) });
    }

    public async Task<string?> RevokeSessionAsync(string memberId, string sessionId, DateTimeOffset revokedAt)
    {
        await using var connection = await database.OpenAsync();
        return await connection.QuerySingleOrDefaultAsync<string>(
            """
            UPDATE tokens SET revoked_at = @revokedAt
            WHERE member_id = @memberId AND session_id = @sessionId AND revoked_at IS NULL
            RETURNING token_hash
            """, new { memberId, sessionId, revokedAt = StoredValues.Time(revokedAt) });
    }

    public async Task<IReadOnlyList<string>> RevokeAllAsync(string memberId, string? keepSessionId, DateTimeOffset revokedAt)
    {
        await using var connection = await database.OpenAsync();
        return (await connection.QueryAsync<string>(
            """
            UPDATE tokens SET revoked_at = @revokedAt
            WHERE member_id = @memberId AND revoked_at IS NULL AND (CAST(@keepSessionId AS TEXT) IS NULL OR session_id <> @keepSessionId)
            RETURNING token_hash
            """, new { memberId, keepSessionId, revokedAt = StoredValues.Time(revokedAt) })).ToArray();
    }
}
