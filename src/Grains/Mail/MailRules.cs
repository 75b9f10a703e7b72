using System.Net.Mail;
using Community.Grains.Errors;
using Community.Grains.Text;

namespace Community.Grains.Mail;

/// <summary>What a member may set as their e-mail settings.</summary>
public static class MailRules
{
    /// <summary>The longest address SMTP carries (RFC 5321: a 254-character path).</summary>
    public const int AddressMax = 254;

    public static MailSettings Apply(MailSettings settings, MailSettingsUpdate update) => new(
        update.Address is null ? settings.Address : CheckAddress(update.Address),
        update.Digests ?? settings.Digests,
        update.BroadcastMail ?? settings.BroadcastMail,
        update.Language is null ? settings.Language : CheckLanguage(update.Language));

    /// <summary>
    /// A plain address (<c>name@example.jp</c>): no display name, no spaces or control characters, a domain with a dot;
    /// an empty one stands for none.
    /// </summary>
    public static string? CheckAddress(string address)
    {
        var trimmed = address.Trim();
        if (trimmed.Length == 0) return null;
        if (trimmed.Length > AddressMax) throw CommunityException.Invalid("address", $"must be at most {AddressMax} characters");
        if (Characters.FirstRefused(trimmed, multiLine: false, bidiControls: false) is not null || trimmed.Any(char.IsWhiteSpace)
            || !MailAddress.TryCreate(trimmed, out var parsed) || parsed.Address != trimmed || parsed.DisplayName.Length != 0)
            throw CommunityException.Invalid("address", "must be an e-mail address such as name@example.jp");
        var at = trimmed.LastIndexOf('@');
        var domain = trimmed[(at + 1)..];
        if (at < 1 || !domain.Contains('.') || domain.StartsWith('.') || domain.EndsWith('.') || domain.Contains(".."))
            throw CommunityException.Invalid("address", "must be an e-mail address such as name@example.jp");
        return trimmed;
    }

    private static string? CheckLanguage(string language) =>
        language.Length == 0 ? null
        : MailLanguages.All.Contains(language) ? language
        : throw CommunityException.Invalid("language", $"must be one of {string.Join(", ", MailLanguages.All)}, or empty");
}
