using Community.Grains.Storage;

namespace Community.Gateway.Auth;

/// <summary>The session a request's token opened, the hash the token is stored under, and when the session ends unless used again.</summary>
public sealed record ActiveSession(Session Session, string TokenHash, DateTimeOffset ExpiresAt);
