namespace Community.Grains.Storage;

/// <summary>An invitation code; <paramref name="RevokedAt"/> once the secretariat withdrew it unused.</summary>
public sealed record Invitation(string Code, string Role, DateTimeOffset ExpiresAt, string? UsedBy, string? Note, string CreatedBy, DateTimeOffset CreatedAt,
    DateTimeOffset? RevokedAt = null);
