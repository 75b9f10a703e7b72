using Community.Grains.Common;
using System.Security.Cryptography;
using System.Text;
using Community.Grains.Members;
using Community.Grains.Storage;
using Microsoft.AspNetCore.WebUtilities;

namespace Community.Gateway.Auth;

/// <summary>Issues opaque bearer tokens and revokes them; only their SHA-256 hashes are stored.</summary>
public sealed class TokenService(ITokenStore tokens, IGrainFactory grains, TimeProvider time)
{
    public async Task<string> IssueAsync(string memberId)
    {
        var token = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        await tokens.AddAsync(HashOf(token), memberId, time.Now());
        return token;
    }

    public Task<string?> FindMemberAsync(string token) => tokens.FindMemberAsync(HashOf(token));

    /// <summary>Revokes the member's token and closes the hub connections opened with it.</summary>
    public Task RevokeAsync(string memberId, string tokenHash) => grains.GetGrain<IMemberGrain>(memberId).RevokeTokenAsync(tokenHash);

    public static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
