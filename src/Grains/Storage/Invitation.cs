namespace Community.Grains.Storage;

public sealed record Invitation(string Code, string Role, DateTimeOffset ExpiresAt, string? UsedBy, string? Note, string CreatedBy, DateTimeOffset CreatedAt);
