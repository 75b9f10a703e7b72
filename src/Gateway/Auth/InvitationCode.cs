using Community.Grains.Common;
using Community.Grains.Errors;
using Community.Grains.Text;
using System.Text;

namespace Community.Gateway.Auth;

/// <summary>Invitation codes: twelve characters in groups of four, easy to read out and type.</summary>
internal static class InvitationCode
{
    public static string New()
    {
        var raw = Ids.Random(12).ToUpperInvariant();
        return $"{raw[..4]}-{raw[4..8]}-{raw[8..]}";
    }

    /// <summary>Accepts a code as a person might type it: any case, full-width or half-width, spaces around it.</summary>
    public static string Normalize(string? code)
    {
        if (string.IsNullOrWhiteSpace(code)) throw CommunityException.Invalid("inviteCode", "is required");
        if (code.Length > ClientIds.MaxLength * 4) throw CommunityException.Invalid("inviteCode", "no such invitation");
        if (Characters.FirstRefused(code, multiLine: false, bidiControls: false) is { } refused) throw CommunityException.Invalid("inviteCode", refused);
        return ClientIds.Check(code.Normalize(NormalizationForm.FormKC).Trim().ToUpperInvariant(), "inviteCode");
    }
}
