namespace Community.Grains.Storage;

/// <summary>Bearer tokens, stored as hashes only.</summary>
public interface ITokenStore
{
    Task AddAsync(string tokenHash, string memberId, DateTimeOffset createdAt);

    /// <summary>The member a live token belongs to, or null when unknown or revoked.</summary>
    Task<string?> FindMemberAsync(string tokenHash);

    Task RevokeAsync(string tokenHash, DateTimeOffset revokedAt);
}
