namespace Community.Grains.Storage;

/// <summary>Bearer tokens, stored as hashes only.</summary>
public interface ITokenStore
{
    Task AddAsync(string tokenHash, string memberId, DateTimeOffset createdAt);

    /// <summary>The member a live token belongs to, or null when unknown or revoked.</summary>
    Task<string?> FindMemberAsync(string tokenHash);

    Task RevokeAsync(string tokenHash, DateTimeOffset revokedAt);

    /// <summary>Revokes every live token of a member.</summary>
    Task RevokeAllAsync(string memberId, DateTimeOffset revokedAt);
}
