using Community.Grains.Common;
using Community.Grains.Errors;

namespace Community.Gateway.Auth;

/// <summary>Invitation codes: twelve characters in groups of four, easy to read out and type.</summary>
internal static class InvitationCode
{
    public static string New()
    {
        var raw = Ids.Random(12).ToUpperInvariant();
        return $"{raw[..4]}-{raw[4..8]}-{raw[8..]}";
    }

    /// <summary>Accepts a code as a person might type it: any case, spaces around it.</summary>
    public static string Normalize(string? code)
    {
        if (string.IsNullOrWhiteSpace(code)) throw CommunityException.Invalid("inviteCode", "is required");
        return code.Trim().ToUpperInvariant();
    }
}
