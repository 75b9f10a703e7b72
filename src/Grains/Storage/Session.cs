namespace Community.Grains.Storage;

/// <summary>
/// A signed-in session: one bearer token, known to its member by <paramref name="Id"/> (never the token),
/// the device it signed in from as a short label (null when the client did not say), when it began
/// and when it was last used (kept to the minute, not written on every request).
/// </summary>
public sealed record Session(string Id, string MemberId, string? Device, DateTimeOffset CreatedAt, DateTimeOffset LastSeenAt);
