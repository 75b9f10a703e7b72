using Community.Grains.Common;
using System.Security.Cryptography;
using System.Text;
using Community.Grains.Members;
using Community.Grains.Storage;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Community.Gateway.Auth;

/// <summary>
/// Issues opaque bearer tokens, each opening a session, finds the live session of a token and
/// revokes them; only the tokens' SHA-256 hashes are stored.
/// </summary>
public sealed class TokenService(ITokenStore tokens, IGrainFactory grains, IOptions<SessionLifetimes> options, TimeProvider time)
{
    /// <summary>How stale a session's last use may be before it is written again: idle expiry is kept to this, not to the request.</summary>
    public static readonly TimeSpan TouchInterval = TimeSpan.FromMinutes(1);

    /// <summary>A new session for the member, signed in from the client that sent <paramref name="userAgent"/>; its token.</summary>
    public async Task<string> IssueAsync(string memberId, string? userAgent)
    {
        var token = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var now = time.Now();
        await tokens.AddAsync(HashOf(token), new Session("s_" + Ids.Random(20), memberId, DeviceLabel.Of(userAgent), now, now));
        return token;
    }

    /// <summary>
    /// The live session of a token, or null when it is unknown, revoked, its member suspended, or it
    /// has outlived a lifetime. Using it counts as a use: its last use is written when a minute old or more.
    /// </summary>
    public async Task<ActiveSession?> AuthenticateAsync(string token)
    {
        var tokenHash = HashOf(token);
        var session = await tokens.FindAsync(tokenHash);
        if (session is null) return null;
        var now = time.Now();
        if (now >= options.Value.ExpiresAt(session)) return null;
        if (now - session.LastSeenAt >= TouchInterval)
        {
            await tokens.TouchAsync(tokenHash, now);
            session = session with { LastSeenAt = now };
        }
        return new ActiveSession(session, tokenHash, options.Value.ExpiresAt(session));
    }

    /// <summary>Counts a use of the session of <paramref name="tokenHash"/> now (a hub connection at work).</summary>
    public Task TouchAsync(string tokenHash) => tokens.TouchAsync(tokenHash, time.Now());

    /// <summary>The member's sessions that have not ended, most recently used first, each with when it ends unless used.</summary>
    public async Task<IReadOnlyList<(Session Session, DateTimeOffset ExpiresAt)>> ListAsync(string memberId)
    {
        var now = time.Now();
        return (await tokens.ListAsync(memberId))
            .Select(s => (s, options.Value.ExpiresAt(s)))
            .Where(s => s.Item2 > now)
            .ToArray();
    }

    /// <summary>Revokes the member's token and closes the hub connections opened with it.</summary>
    public Task RevokeAsync(string memberId, string tokenHash) => grains.GetGrain<IMemberGrain>(memberId).RevokeTokenAsync(tokenHash);

    public static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
