namespace Community.Grains.Storage;

/// <summary>Bearer tokens and the sessions they open, stored by the token's hash only.</summary>
public interface ITokenStore
{
    Task AddAsync(string tokenHash, Session session);

    /// <summary>
    /// The session of a token that is not revoked and whose member is not suspended, or null. Whether it
    /// has outlived its lifetimes is for the caller to judge.
    /// </summary>
    Task<Session?> FindAsync(string tokenHash);

    /// <summary>Moves the session's last use forward to <paramref name="seenAt"/> (never back).</summary>
    Task TouchAsync(string tokenHash, DateTimeOffset seenAt);

    /// <summary>The member's sessions that are not revoked, most recently used first.</summary>
    Task<IReadOnlyList<Session>> ListAsync(string memberId);

    Task RevokeAsync(string tokenHash, DateTimeOffset revokedAt);

    /// <summary>Revokes one session of the member; the hash of its token, or null when the member has no such live session.</summary>
    Task<string?> RevokeSessionAsync(string memberId, string sessionId, DateTimeOffset revokedAt);

    /// <summary>Revokes every live session of the member but <paramref name="keepSessionId"/> (all of them when null); the hashes of their tokens.</summary>
    Task<IReadOnlyList<string>> RevokeAllAsync(string memberId, string? keepSessionId, DateTimeOffset revokedAt);
}
